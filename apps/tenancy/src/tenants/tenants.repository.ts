import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { DomainError, ErrorCode, type TenantStatusName, type TenantTypeName } from '@lib/contracts';

import { LifecycleEventEntity } from '../lifecycle/lifecycle-event.entity';
import { TenantEntity } from './tenant.entity';

export type NewTenant = Pick<TenantEntity, 'name' | 'slug' | 'domain' | 'status' | 'type' | 'ownerUserId'> &
  Partial<Pick<TenantEntity, 'description' | 'contactEmail' | 'contactPhone' | 'settings' | 'defaultLanguage' | 'additionalLanguages'>>;

export type TenantChanges = Partial<
  Pick<
    TenantEntity,
    | 'name'
    | 'domain'
    | 'ownerUserId'
    | 'settings'
    | 'additionalLanguages'
    | 'storageDistributionStrategy'
    | 'storageFallbackChain'
    | 'logRetentionDays'
    | 'logRetentionUpdatedAt'
  >
>;

export interface TenantListFilter {
  search?: string;
  status?: TenantStatusName;
}

/** A lifecycle step decided on the locked row. */
export interface LifecycleStep {
  action: string;
  status: TenantStatusName;
  type: TenantTypeName;
  reason: string | null;
  performedBy: string;
}

/**
 * `tenancy.tenants` and the history of each tenant's lifecycle. A tenant row is the tenant, so
 * every read and write takes its id; only `listAll` (system administrators) spans tenants.
 */
@Injectable()
export class TenantsRepository {
  constructor(
    @InjectRepository(TenantEntity) private readonly repository: Repository<TenantEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  findById(id: string): Promise<TenantEntity | null> {
    return this.repository.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<TenantEntity[]> {
    return ids.length ? this.repository.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Every tenant matching the filter, oldest first: for system administrators only. */
  listAll(filter: TenantListFilter, page: { limit: number; offset: number }): Promise<[TenantEntity[], number]> {
    const query = this.repository.createQueryBuilder('tenant').orderBy('tenant.created_at', 'ASC').addOrderBy('tenant.id', 'ASC');
    if (filter.status) query.andWhere('tenant.status = :status', { status: filter.status });
    if (filter.search) {
      query.andWhere('(tenant.name ILIKE :term OR tenant.slug ILIKE :term OR tenant.domain ILIKE :term)', { term: likeTerm(filter.search) });
    }
    return query.take(page.limit).skip(page.offset).getManyAndCount();
  }

  async domainTaken(domain: string, exceptId?: string): Promise<boolean> {
    const found = await this.repository.findOne({ select: { id: true }, where: { domain } });
    return !!found && found.id !== exceptId;
  }

  async slugTaken(slug: string): Promise<boolean> {
    return this.repository.exists({ where: { slug } });
  }

  async insert(values: NewTenant): Promise<TenantEntity> {
    return refuseDuplicate(values.domain, () => this.repository.save(this.repository.create(values)));
  }

  async update(id: string, changes: TenantChanges): Promise<TenantEntity | null> {
    if (Object.keys(changes).length > 0) await refuseDuplicate(changes.domain ?? '', () => this.repository.update({ id }, changes as QueryDeepPartialEntity<TenantEntity>));
    return this.findById(id);
  }

  /**
   * Up to `limit` tenants in `statuses`, by id after `afterId`, handed to `use` while their rows are
   * locked FOR SHARE: a lifecycle step (FOR UPDATE, block list written before its commit) runs either
   * wholly before this read or after `use`, so `use` never writes a status that is already stale.
   */
  async withTenantsInStatus(
    statuses: readonly TenantStatusName[],
    afterId: string | null,
    limit: number,
    use: (tenants: Array<Pick<TenantEntity, 'id' | 'status'>>) => Promise<void>,
  ): Promise<Array<Pick<TenantEntity, 'id' | 'status'>>> {
    return this.dataSource.transaction(async (manager) => {
      const query = manager
        .createQueryBuilder(TenantEntity, 'tenant')
        .select(['tenant.id', 'tenant.status'])
        .where('tenant.status IN (:...statuses)', { statuses: [...statuses] })
        .orderBy('tenant.id', 'ASC')
        .limit(limit)
        .setLock('pessimistic_read');
      if (afterId) query.andWhere('tenant.id > :afterId', { afterId });
      const tenants = (await query.getMany()).map(({ id, status }) => ({ id, status }));
      if (tenants.length) await use(tenants);
      return tenants;
    });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.repository.delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /**
   * One lifecycle step in one transaction, on the locked row: `decide` sees the current tenant and
   * returns the step (or throws); the tenant and its history change together; `beforeCommit` runs
   * last, so a failure there (Redis, the event stream) leaves the tenant as it was.
   * `changes` (a PATCH's other fields) are written in the same transaction, after `decide`, so an
   * illegal step changes nothing at all. Null when there is no such tenant.
   */
  transition(
    id: string,
    decide: (current: TenantEntity) => LifecycleStep,
    beforeCommit: (updated: TenantEntity, from: TenantEntity) => Promise<void>,
    changes: TenantChanges = {},
  ): Promise<TenantEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(TenantEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) return null;
      const step = decide(current);
      await refuseDuplicate(changes.domain ?? '', () =>
        manager.update(TenantEntity, { id }, { ...changes, status: step.status, type: step.type } as QueryDeepPartialEntity<TenantEntity>),
      );
      await manager.insert(LifecycleEventEntity, {
        tenantId: id,
        action: step.action,
        fromStatus: current.status,
        toStatus: step.status,
        fromType: current.type,
        toType: step.type,
        reason: step.reason,
        performedBy: step.performedBy,
      });
      const updated = await manager.findOneOrFail(TenantEntity, { where: { id } });
      await beforeCommit(updated, current);
      return updated;
    });
  }
}

/** Two requests taking the same domain at once: the unique index decides, the loser gets 409. */
async function refuseDuplicate<T>(domain: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
      throw new DomainError(ErrorCode.TenantDomainTaken, 409, `The domain "${domain}" belongs to another tenant. Choose another one.`);
    }
    throw error;
  }
}

/** `search` as a literal ILIKE pattern (its own % and _ match themselves). */
function likeTerm(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
