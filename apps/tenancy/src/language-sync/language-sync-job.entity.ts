import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { LanguageSyncOperation, LanguageSyncStatus } from '@lib/contracts';

export type LanguageSyncError = {
  message: string;
  at: string;
};

/** One language added to or removed from a tenant (`tenancy.language_sync_jobs`): pending → running → completed | failed. */
@Entity({ name: 'language_sync_jobs' })
export class LanguageSyncJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  operation: LanguageSyncOperation;

  @Column({ name: 'language_code', type: 'varchar', length: 2 })
  languageCode: string;

  @Column({ type: 'text' })
  status: LanguageSyncStatus;

  @Column({ name: 'entities_processed', type: 'int' })
  entitiesProcessed: number;

  @Column({ name: 'entities_total', type: 'int' })
  entitiesTotal: number;

  @Column({ type: 'jsonb' })
  errors: LanguageSyncError[];

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** Set by the database (clock_timestamp) so jobs of one change keep their order. */
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
