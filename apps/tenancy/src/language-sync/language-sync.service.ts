import { Injectable } from '@nestjs/common';

import {
  DomainError,
  ErrorCode,
  type LanguageSyncHistoryQuery,
  type LanguageSyncHistoryResponse,
  type LanguageSyncJobBody,
} from '@lib/contracts';

import { languageChanges } from './language-changes';
import { LanguageSyncJobsRepository } from './language-sync-jobs.repository';
import { toLanguageSyncJobBody } from './language-sync.mapper';
import { LanguageSyncQueue } from './language-sync.queue';

const RECENT_JOBS = 20;
const DEFAULT_PAGE_SIZE = 50;

/**
 * Language sync jobs of a tenant: recorded when its additional languages change, run in the background.
 * Callers have checked that the caller may see the tenant.
 */
@Injectable()
export class LanguageSyncService {
  constructor(
    private readonly jobs: LanguageSyncJobsRepository,
    private readonly queue: LanguageSyncQueue,
  ) {}

  /** One pending job per added or removed language, queued at once. */
  async recordChanges(tenantId: string, before: readonly string[], after: readonly string[]): Promise<void> {
    const created = await this.jobs.insertPending(tenantId, languageChanges(before, after));
    await this.queue.enqueue(created.map((job) => job.id));
  }

  async job(tenantId: string, jobId: string): Promise<LanguageSyncJobBody> {
    const job = await this.jobs.findOne(tenantId, jobId);
    if (!job) throw DomainError.notFound(ErrorCode.LanguageSyncJobNotFound, 'No such language sync job for this tenant. Check the jobId.');
    return toLanguageSyncJobBody(job);
  }

  async recent(tenantId: string): Promise<LanguageSyncJobBody[]> {
    return (await this.jobs.recent(tenantId, RECENT_JOBS)).map(toLanguageSyncJobBody);
  }

  async history(tenantId: string, query: LanguageSyncHistoryQuery): Promise<LanguageSyncHistoryResponse> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const offset = query.offset ?? 0;
    const filter = { status: query.status, operation: query.operation, languageCode: query.language_code };
    const [rows, total] = await this.jobs.history(tenantId, filter, { limit, offset });
    return { data: rows.map(toLanguageSyncJobBody), pagination: { total, limit, offset, hasMore: offset + rows.length < total } };
  }

  async summary(tenantId: string): Promise<{ activeJobs: number; lastSync: string | null }> {
    const { activeJobs, lastSync } = await this.jobs.summary(tenantId);
    return { activeJobs, lastSync: lastSync?.toISOString() ?? null };
  }
}
