import { Queue, Worker } from 'bullmq';

import type { TenancyEnv } from '../config';
import { strictMock } from '../tenants/testing/tenant.factory';
import type { LanguageSyncJobEntity } from './language-sync-job.entity';
import type { LanguageSyncJobsRepository } from './language-sync-jobs.repository';
import { LANGUAGE_SYNC_QUEUE, LanguageSyncQueue } from './language-sync.queue';
import type { LanguageSyncRunner } from './language-sync.runner';

jest.mock('ioredis', () => jest.fn().mockImplementation(() => ({ on: jest.fn(), disconnect: jest.fn() })));
jest.mock('bullmq', () => ({
  Queue: jest.fn().mockImplementation(() => ({ addBulk: jest.fn(async () => []), close: jest.fn(async () => undefined) })),
  Worker: jest.fn().mockImplementation(() => ({ on: jest.fn(), close: jest.fn(async () => undefined) })),
}));

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('LanguageSyncQueue', () => {
  let jobs: jest.Mocked<LanguageSyncJobsRepository>;
  let runner: jest.Mocked<LanguageSyncRunner>;
  let queue: LanguageSyncQueue;

  beforeEach(() => {
    jest.clearAllMocks();
    jobs = strictMock<LanguageSyncJobsRepository>({ unfinished: jest.fn(async () => [{ id: 'job-1' }, { id: 'job-2' }] as LanguageSyncJobEntity[]) });
    runner = strictMock<LanguageSyncRunner>({ run: jest.fn() });
    queue = new LanguageSyncQueue({ REDIS_URL: 'redis://127.0.0.1:6379' } as TenancyEnv, jobs, runner);
  });

  afterEach(() => queue.onApplicationShutdown());

  const bullQueue = () => (Queue as unknown as jest.Mock).mock.results[0].value as { addBulk: jest.Mock };

  it('queues the unfinished jobs of the table at boot (jobs survive a restart), once each by job id', async () => {
    queue.onApplicationBootstrap();
    await flush();
    expect(jobs.unfinished).toHaveBeenCalledWith(expect.any(Date));
    const added = bullQueue().addBulk.mock.calls[0][0] as { data: { jobId: string }; opts: { jobId: string } }[];
    expect(added.map((job) => [job.data.jobId, job.opts.jobId])).toEqual([
      ['job-1', 'job-1'],
      ['job-2', 'job-2'],
    ]);
    // Nothing of a finished job stays in BullMQ, so a later sweep can queue a row that is still unfinished.
    expect(added[0].opts).toMatchObject({ removeOnComplete: true, removeOnFail: true });
  });

  it('runs each queued job through the runner', async () => {
    queue.onApplicationBootstrap();
    const process = (Worker as unknown as jest.Mock).mock.calls[0][1] as (job: { data: { jobId: string } }) => Promise<void>;
    expect((Worker as unknown as jest.Mock).mock.calls[0][0]).toBe(LANGUAGE_SYNC_QUEUE);
    await process({ data: { jobId: 'job-9' } });
    expect(runner.run).toHaveBeenCalledWith('job-9');
  });

  it('never fails the caller when Redis cannot take the job: the sweep retries', async () => {
    jobs.unfinished.mockResolvedValue([]);
    queue.onApplicationBootstrap();
    bullQueue().addBulk.mockRejectedValue(new Error('connection closed'));
    await expect(queue.enqueue(['job-3'])).resolves.toBeUndefined();
  });
});
