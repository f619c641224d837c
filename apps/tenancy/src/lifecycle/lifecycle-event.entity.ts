import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { TenantOwned } from '@lib/persistence';

/** One change of a tenant's status or type (`tenancy.tenant_lifecycle_events`): who, when, from, to, why. */
@Entity({ name: 'tenant_lifecycle_events' })
export class LifecycleEventEntity implements TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  /** activate | suspend | reactivate | archive | upgrade | update (a system administrator's PATCH of the status). */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'from_status', type: 'text' })
  fromStatus: string;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: string;

  @Column({ name: 'from_type', type: 'text' })
  fromType: string;

  @Column({ name: 'to_type', type: 'text' })
  toType: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The acting user's id (identity), as the gateway verified it. */
  @Column({ name: 'performed_by', type: 'uuid' })
  performedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
