import { apiRequestsKey } from '@lib/contracts';

import { ApiUsageRepository, lastDaysKeys } from './api-usage.repository';

const TENANT = '11111111-1111-4111-8111-111111111111';

describe('API usage counters', () => {
  it('names one key per UTC day', () => {
    expect(apiRequestsKey(TENANT, new Date('2026-03-01T23:59:59.000Z'))).toBe(`usage:api-requests:${TENANT}:20260301`);
  });

  it('reads the last 30 days, today first, across month ends', () => {
    const keys = lastDaysKeys(TENANT, new Date('2026-03-01T00:30:00.000Z'), 30);
    expect(keys).toHaveLength(30);
    expect(keys[0]).toMatch(/:20260301$/);
    expect(keys[1]).toMatch(/:20260228$/);
    expect(keys[29]).toMatch(/:20260131$/);
  });

  it('sums the counters in one MGET, missing days counting 0', async () => {
    const redis = { mget: jest.fn(async (...keys: string[]) => keys.map((_, i) => (i === 0 ? '5' : i === 3 ? '7' : null))) };
    const total = await new ApiUsageRepository(redis as never).last30Days(TENANT);
    expect(total).toBe(12);
    expect(redis.mget).toHaveBeenCalledTimes(1);
  });

  it('answers 503 when Redis is down', async () => {
    const redis = { mget: jest.fn(async () => Promise.reject(new Error('closed'))) };
    await expect(new ApiUsageRepository(redis as never).last30Days(TENANT)).rejects.toMatchObject({ status: 503 });
  });
});
