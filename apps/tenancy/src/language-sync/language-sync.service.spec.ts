import { DomainError } from '@lib/contracts';

import { strictMock, TENANT_A } from '../tenants/testing/tenant.factory';
import type { LanguageSyncJobEntity } from './language-sync-job.entity';
import type { LanguageSyncJobsRepository } from './language-sync-jobs.repository';
import type { LanguageSyncQueue } from './language-sync.queue';
import { LanguageSyncService } from './language-sync.service';

const at = new Date('2026-03-01T10:00:00.000Z');
const row = (id: string, overrides: Partial<LanguageSyncJobEntity> = {}): LanguageSyncJobEntity => ({
  id,
  tenantId: TENANT_A,
  operation: 'add',
  languageCode: 'de',
  status: 'pending',
  entitiesProcessed: 0,
  entitiesTotal: 0,
  errors: [],
  startedAt: null,
  completedAt: null,
  createdAt: at,
  updatedAt: at,
  ...overrides,
});

describe('LanguageSyncService', () => {
  let jobs: jest.Mocked<LanguageSyncJobsRepository>;
  let queue: jest.Mocked<LanguageSyncQueue>;
  let service: LanguageSyncService;

  beforeEach(() => {
    jobs = strictMock<LanguageSyncJobsRepository>({
      insertPending: jest.fn(async (_tenant, changes) => changes.map((_c: unknown, i: number) => row(`job-${i}`))),
      findOne: jest.fn(async () => null),
      history: jest.fn(async () => [[row('job-1', { status: 'completed', startedAt: at, completedAt: at })], 3]),
      summary: jest.fn(async () => ({ activeJobs: 1, lastSync: at })),
    });
    queue = strictMock<LanguageSyncQueue>({ enqueue: jest.fn() });
    service = new LanguageSyncService(jobs, queue);
  });

  it('records one pending job per added or removed language and queues them', async () => {
    await service.recordChanges(TENANT_A, ['de'], ['fr', 'it']);
    expect(jobs.insertPending).toHaveBeenCalledWith(TENANT_A, [
      { operation: 'add', languageCode: 'fr' },
      { operation: 'add', languageCode: 'it' },
      { operation: 'remove', languageCode: 'de' },
    ]);
    expect(queue.enqueue).toHaveBeenCalledWith(['job-0', 'job-1', 'job-2']);
  });

  it("answers 404 for a job id of another tenant or none at all", async () => {
    await expect(service.job(TENANT_A, 'job-x')).rejects.toMatchObject({ status: 404, code: 'LANGUAGE_SYNC_JOB_NOT_FOUND' });
    await expect(service.job(TENANT_A, 'job-x')).rejects.toBeInstanceOf(DomainError);
    expect(jobs.findOne).toHaveBeenCalledWith(TENANT_A, 'job-x');
  });

  it('pages the history with its filters, in the catalogue shape', async () => {
    const page = await service.history(TENANT_A, { limit: 1, offset: 1, status: 'completed', language_code: 'de' });
    expect(jobs.history).toHaveBeenCalledWith(TENANT_A, { status: 'completed', operation: undefined, languageCode: 'de' }, { limit: 1, offset: 1 });
    expect(page.pagination).toEqual({ total: 3, limit: 1, offset: 1, hasMore: true });
    expect(page.data[0]).toEqual({
      id: 'job-1',
      tenantId: TENANT_A,
      operation: 'add',
      language_code: 'de',
      status: 'completed',
      entities_processed: 0,
      entities_total: 0,
      errors: [],
      started_at: at.toISOString(),
      completed_at: at.toISOString(),
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    });
  });

  it('summarises active jobs and the last completed sync', async () => {
    expect(await service.summary(TENANT_A)).toEqual({ activeJobs: 1, lastSync: at.toISOString() });
  });
});
