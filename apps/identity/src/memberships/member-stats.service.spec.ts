import type { MemberStatsRepository } from './member-stats.repository';
import { MemberStatsService } from './member-stats.service';

const TENANT = '11111111-1111-4111-8111-111111111111';
const NOW = new Date('2026-03-31T12:00:00.000Z');

describe('MemberStatsService', () => {
  const counts = { total: 5, active: 2, joinedLast30d: 1, joinedPrevious30d: 3 };
  let repository: { counts: jest.Mock; firstAdmin: jest.Mock };
  let service: MemberStatsService;

  beforeEach(() => {
    repository = {
      counts: jest.fn(async () => counts),
      firstAdmin: jest.fn(async () => ({ id: 'u-1', email: 'o@x.test', displayName: null, createdAt: new Date('2026-01-01T00:00:00.000Z') })),
    };
    service = new MemberStatsService(repository as unknown as MemberStatsRepository);
  });

  it('counts activity over the last 30 days and joins over the 30 before, with the first admin', async () => {
    expect(await service.forTenant(TENANT, NOW)).toEqual({
      ...counts,
      admin: { id: 'u-1', email: 'o@x.test', displayName: null, createdAt: '2026-01-01T00:00:00.000Z' },
    });
    expect(repository.counts).toHaveBeenCalledWith(TENANT, new Date('2026-03-01T12:00:00.000Z'), new Date('2026-01-30T12:00:00.000Z'));
  });

  it('answers an empty tenant without an admin', async () => {
    repository.firstAdmin.mockResolvedValue(null);
    expect((await service.forTenant(TENANT, NOW)).admin).toBeNull();
  });

  it('answers nothing for an id that cannot name a tenant, without a query', async () => {
    expect(await service.forTenant('not-a-uuid', NOW)).toEqual({ total: 0, active: 0, joinedLast30d: 0, joinedPrevious30d: 0, admin: null });
    expect(repository.counts).not.toHaveBeenCalled();
  });
});
