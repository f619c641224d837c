import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { TenantScopedRepository } from '@lib/persistence';

import { LifecycleEventEntity } from './lifecycle-event.entity';

/** Reads `tenancy.tenant_lifecycle_events`; rows are written with the tenant's change (TenantsRepository.transition). */
@Injectable()
export class LifecycleEventsRepository extends TenantScopedRepository<LifecycleEventEntity> {
  constructor(@InjectRepository(LifecycleEventEntity) repository: Repository<LifecycleEventEntity>) {
    super(repository);
  }

  /** Oldest first. */
  history(tenantId: string): Promise<LifecycleEventEntity[]> {
    return this.repository.find({ where: this.scope(tenantId, {}), order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
