import { Injectable, Logger } from '@nestjs/common';

import { LanguageSyncJobsRepository } from './language-sync-jobs.repository';
import { TranslatableEntities } from './translatable-entities';

/** A job running longer than this is taken to have lost its runner (crash, restart) and may be run again. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

/** Runs one language sync job: claim it, process the tenant's translatable entities, record the outcome. */
@Injectable()
export class LanguageSyncRunner {
  private readonly logger = new Logger(LanguageSyncRunner.name);

  constructor(
    private readonly entities: TranslatableEntities,
    private readonly jobs: LanguageSyncJobsRepository,
  ) {}

  async run(jobId: string, now: Date = new Date()): Promise<void> {
    const job = await this.jobs.claim(jobId, staleBefore(now));
    if (!job) return;
    try {
      const { processed, total } = await this.entities.sync(job, (done, of) => this.jobs.progress(job.id, done, of));
      await this.jobs.complete(job.id, processed, total);
    } catch (error) {
      const message = (error as Error).message;
      this.logger.warn(`Language sync job ${job.id} (${job.operation} ${job.languageCode}) failed: ${message}`);
      await this.jobs.fail(job.id, [{ message, at: new Date().toISOString() }]);
    }
  }
}

export function staleBefore(now: Date): Date {
  return new Date(now.getTime() - STALE_AFTER_MS);
}
