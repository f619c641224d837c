import { strictMock, TENANT_A } from '../tenants/testing/tenant.factory';
import type { LanguageSyncJobEntity } from './language-sync-job.entity';
import type { LanguageSyncJobsRepository } from './language-sync-jobs.repository';
import { LanguageSyncRunner, STALE_AFTER_MS } from './language-sync.runner';
import { TranslatableEntities, type TranslatableKind } from './translatable-entities';

const JOB = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

function jobRow(overrides: Partial<LanguageSyncJobEntity> = {}): LanguageSyncJobEntity {
  const at = new Date('2026-03-01T10:00:00.000Z');
  return {
    id: JOB,
    tenantId: TENANT_A,
    operation: 'add',
    languageCode: 'de',
    status: 'running',
    entitiesProcessed: 0,
    entitiesTotal: 0,
    errors: [],
    startedAt: at,
    completedAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** A kind with `total` entities that processes them in batches. */
function kind(total: number, fail = false): TranslatableKind {
  return {
    name: 'things',
    count: async () => total,
    syncBatch: async (_tenant, _op, _lang, offset, batchSize) => {
      if (fail) throw new Error('translation store down');
      return Math.min(batchSize, total - offset);
    },
  };
}

describe('LanguageSyncRunner', () => {
  let jobs: jest.Mocked<LanguageSyncJobsRepository>;

  beforeEach(() => {
    jobs = strictMock<LanguageSyncJobsRepository>({ claim: jest.fn(async () => jobRow()), progress: jest.fn(), complete: jest.fn(), fail: jest.fn() });
  });

  it('completes with 0 of 0 while no translatable kind exists (spaces, resources, categories, tags are not built)', async () => {
    await new LanguageSyncRunner(new TranslatableEntities([]), jobs).run(JOB);
    expect(jobs.complete).toHaveBeenCalledWith(JOB, 0, 0);
    expect(jobs.fail).not.toHaveBeenCalled();
  });

  it('processes every kind in batches, reporting progress, then completes', async () => {
    await new LanguageSyncRunner(new TranslatableEntities([kind(250), kind(3)]), jobs).run(JOB);
    expect(jobs.progress.mock.calls.map((call) => call.slice(1))).toEqual([[0, 253], [200, 253], [250, 253], [253, 253]]);
    expect(jobs.complete).toHaveBeenCalledWith(JOB, 253, 253);
  });

  it('records a failure with its message', async () => {
    await new LanguageSyncRunner(new TranslatableEntities([kind(5, true)]), jobs).run(JOB);
    expect(jobs.fail).toHaveBeenCalledWith(JOB, [{ message: 'translation store down', at: expect.any(String) }]);
    expect(jobs.complete).not.toHaveBeenCalled();
  });

  it('does nothing for a job it cannot claim (finished, deleted, or running elsewhere), and treats old runs as stale', async () => {
    jobs.claim.mockResolvedValue(null);
    const now = new Date('2026-03-01T12:00:00.000Z');
    await new LanguageSyncRunner(new TranslatableEntities([]), jobs).run(JOB, now);
    expect(jobs.claim).toHaveBeenCalledWith(JOB, new Date(now.getTime() - STALE_AFTER_MS));
    expect(jobs.complete).not.toHaveBeenCalled();
  });
});
