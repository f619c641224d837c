import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { TenantStatusName, TenantTypeName } from '@lib/contracts';

/** One tenant (`tenancy.tenants`). The row is the tenant itself, so its `id` is the tenant id. */
@Entity({ name: 'tenants' })
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** URL-friendly and unique, derived from the domain or the name at creation; never changes. */
  @Column({ type: 'text' })
  slug: string;

  /** Unique across tenants; registration without one gets the slug. */
  @Column({ type: 'text' })
  domain: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  status: TenantStatusName;

  @Column({ type: 'text' })
  type: TenantTypeName;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  /** Identity's user id of the owner; changes only through identity's membership rules, never through PATCH. */
  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @Column({ type: 'jsonb' })
  settings: Record<string, unknown>;

  @Column({ name: 'default_language', type: 'varchar', length: 2 })
  defaultLanguage: string;

  @Column({ name: 'additional_languages', type: 'text', array: true })
  additionalLanguages: string[];

  @Column({ name: 'storage_distribution_strategy', type: 'text' })
  storageDistributionStrategy: 'sequential' | 'distributed';

  @Column({ name: 'storage_fallback_chain', type: 'uuid', array: true })
  storageFallbackChain: string[];

  @Column({ name: 'log_retention_days', type: 'int' })
  logRetentionDays: number;

  /** Null until someone sets the policy: the default applies. */
  @Column({ name: 'log_retention_updated_at', type: 'timestamptz', nullable: true })
  logRetentionUpdatedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
