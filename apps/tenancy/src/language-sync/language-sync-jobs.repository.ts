import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, type Repository } from 'typeorm';

import type { LanguageSyncOperation, LanguageSyncStatus } from '@lib/contracts';

import { LanguageSyncJobEntity, type LanguageSyncError } from './language-sync-job.entity';

export interface LanguageChange {
  operation: LanguageSyncOperation;
  languageCode: string;
}

export interface LanguageSyncFilter {
  status?: LanguageSyncStatus;
  operation?: LanguageSyncOperation;
  languageCode?: string;
}

const UNFINISHED: LanguageSyncStatus[] = ['pending', 'running'];

/** `tenancy.language_sync_jobs`. Reads take the tenant id; only the restart sweep and the runner (by job id) span tenants. */
@Injectable()
export class LanguageSyncJobsRepository {
  constructor(@InjectRepository(LanguageSyncJobEntity) private readonly repository: Repository<LanguageSyncJobEntity>) {}

  async insertPending(tenantId: string, changes: LanguageChange[]): Promise<LanguageSyncJobEntity[]> {
    if (changes.length === 0) return [];
    const now = new Date();
    const rows = changes.map((change) =>
      this.repository.create({
        tenantId,
        operation: change.operation,
        languageCode: change.languageCode,
        status: 'pending',
        entitiesProcessed: 0,
        entitiesTotal: 0,
        errors: [],
        updatedAt: now,
      }),
    );
    const saved = await this.repository.save(rows);
    return this.repository.find({ where: { tenantId, id: In(saved.map((row) => row.id)) }, order: { createdAt: 'ASC' } });
  }

  findOne(tenantId: string, id: string): Promise<LanguageSyncJobEntity | null> {
    return this.repository.findOneBy({ tenantId, id });
  }

  recent(tenantId: string, limit: number): Promise<LanguageSyncJobEntity[]> {
    return this.repository.find({ where: { tenantId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  history(tenantId: string, filter: LanguageSyncFilter, page: { limit: number; offset: number }): Promise<[LanguageSyncJobEntity[], number]> {
    return this.repository.findAndCount({
      where: { tenantId, ...definedOnly(filter) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  /** Jobs waiting or running, and when the last one completed (the dashboard's languageSync). */
  async summary(tenantId: string): Promise<{ activeJobs: number; lastSync: Date | null }> {
    const activeJobs = await this.repository.countBy({ tenantId, status: In(UNFINISHED) });
    const last = await this.repository.findOne({ select: { id: true, completedAt: true }, where: { tenantId, status: 'completed' }, order: { completedAt: 'DESC' } });
    return { activeJobs, lastSync: last?.completedAt ?? null };
  }

  /** Pending jobs, and running ones started before `staleBefore` (their runner died): the restart sweep. */
  async unfinished(staleBefore: Date): Promise<LanguageSyncJobEntity[]> {
    return this.repository.find({
      where: [{ status: 'pending' }, { status: 'running', startedAt: LessThan(staleBefore) }],
      order: { createdAt: 'ASC' },
      take: 1000,
    });
  }

  /**
   * Takes the job for one runner: pending, or running but stale (a runner died mid-way). Null when it
   * is gone (tenant deleted), finished, or another runner has it.
   */
  async claim(id: string, staleBefore: Date): Promise<LanguageSyncJobEntity | null> {
    const result = await this.repository
      .createQueryBuilder()
      .update()
      .set({ status: 'running', startedAt: () => 'clock_timestamp()', updatedAt: () => 'clock_timestamp()' })
      .where('id = :id', { id })
      .andWhere("(status = 'pending' OR (status = 'running' AND started_at < :staleBefore))", { staleBefore })
      .execute();
    return (result.affected ?? 0) === 1 ? this.repository.findOneBy({ id }) : null;
  }

  async progress(id: string, entitiesProcessed: number, entitiesTotal: number): Promise<void> {
    await this.repository.update({ id }, { entitiesProcessed, entitiesTotal, updatedAt: new Date() });
  }

  async complete(id: string, entitiesProcessed: number, entitiesTotal: number): Promise<void> {
    const now = new Date();
    await this.repository.update({ id }, { status: 'completed', entitiesProcessed, entitiesTotal, completedAt: now, updatedAt: now });
  }

  async fail(id: string, errors: LanguageSyncError[]): Promise<void> {
    const now = new Date();
    await this.repository.update({ id }, { status: 'failed', errors, completedAt: now, updatedAt: now });
  }
}

/** TypeORM refuses `undefined` in a where clause: absent filters are left out. */
function definedOnly(filter: LanguageSyncFilter): LanguageSyncFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}
