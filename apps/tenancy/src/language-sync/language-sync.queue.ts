import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';

import { SERVICE_ENV } from '@lib/transport';

import type { TenancyEnv } from '../config';
import { LanguageSyncJobsRepository } from './language-sync-jobs.repository';
import { LanguageSyncRunner, staleBefore } from './language-sync.runner';

export const LANGUAGE_SYNC_QUEUE = 'tenancy-language-sync';
const ENQUEUE_TIMEOUT_MS = 2000;
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Background runs of language sync jobs through BullMQ. The database row is the truth; the queue only
 * says "run job <id>" (BullMQ job id = row id, so adding twice runs once). Jobs whose enqueue failed, or
 * whose runner died, are swept from the table at boot and every minute, so they survive restarts.
 */
@Injectable()
export class LanguageSyncQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LanguageSyncQueue.name);
  private queue?: Queue;
  private worker?: Worker;
  private sweepTimer?: NodeJS.Timeout;
  private readonly connections: Redis[] = [];

  constructor(
    @Inject(SERVICE_ENV) private readonly env: TenancyEnv,
    private readonly jobs: LanguageSyncJobsRepository,
    private readonly runner: LanguageSyncRunner,
  ) {}

  onApplicationBootstrap(): void {
    // BullMQ's blocking worker connection must retry forever (maxRetriesPerRequest: null).
    const queueConnection = this.connection('tenancy-language-sync-queue');
    const workerConnection = this.connection('tenancy-language-sync-worker');
    this.queue = new Queue(LANGUAGE_SYNC_QUEUE, { connection: queueConnection });
    this.worker = new Worker(LANGUAGE_SYNC_QUEUE, (job) => this.runner.run(String(job.data.jobId)), {
      connection: workerConnection,
      concurrency: 2,
    });
    this.worker.on('error', (error) => this.logger.warn(`Language sync worker: ${error.message}`));
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
    void this.sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweepTimer);
    await this.worker?.close().catch(() => undefined);
    await this.queue?.close().catch(() => undefined);
    for (const connection of this.connections) connection.disconnect();
  }

  /** Never fails the caller: a job that cannot be queued now stays pending and the next sweep queues it. */
  async enqueue(jobIds: string[]): Promise<void> {
    if (!this.queue || jobIds.length === 0) return;
    const queue = this.queue;
    const adding = queue.addBulk(
      jobIds.map((jobId) => ({
        name: 'sync',
        data: { jobId },
        // Finished BullMQ jobs are dropped at once: the table keeps the history, and a job id left in
        // BullMQ would make the sweep's re-add of a still-unfinished row a no-op.
        opts: { jobId, attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: true },
      })),
    );
    try {
      await withTimeout(adding, ENQUEUE_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`Could not queue language sync jobs ${jobIds.join(', ')} (the sweep retries): ${(error as Error).message}`);
    }
  }

  private async sweep(): Promise<void> {
    try {
      const unfinished = await this.jobs.unfinished(staleBefore(new Date()));
      await this.enqueue(unfinished.map((job) => job.id));
    } catch (error) {
      this.logger.warn(`Language sync sweep failed: ${(error as Error).message}`);
    }
  }

  private connection(name: string): Redis {
    const connection = new Redis(this.env.REDIS_URL, { connectionName: name, maxRetriesPerRequest: null });
    connection.on('error', () => undefined);
    this.connections.push(connection);
    return connection;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
