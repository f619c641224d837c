import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';

import type { TenantStatusName } from '@lib/contracts';

import { TenantBlockList } from './tenant-block-list';
import { BLOCK_LIST_RESYNC_BATCH, BLOCK_LIST_RESYNC_INTERVAL_MS, TenantBlockListResync } from './tenant-block-list-resync';
import type { TenantsRepository } from './tenants.repository';
import { strictMock } from './testing/tenant.factory';

type Row = { id: string; status: TenantStatusName };

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('TenantBlockListResync', () => {
  let table: Row[];
  let store: Map<string, string>;
  let redis: jest.Mocked<Redis>;
  let repository: jest.Mocked<TenantsRepository>;
  let resync: TenantBlockListResync;
  let logged: jest.SpyInstance;

  beforeEach(() => {
    table = [
      { id: id(1), status: 'active' },
      { id: id(2), status: 'inactive' },
      { id: id(3), status: 'retired' },
      { id: id(4), status: 'pending' },
      { id: id(5), status: 'maintenance' },
    ];
    store = new Map();
    redis = strictMock<Redis>({
      mset: jest.fn(async (...args: string[]) => {
        for (let i = 0; i < args.length; i += 2) store.set(args[i], args[i + 1]);
        return 'OK';
      }),
    });
    repository = strictMock<TenantsRepository>({
      // Like the query: the statuses asked for, by id, after `afterId`, at most `limit`.
      withTenantsInStatus: jest.fn(async (statuses, afterId, limit, use) => {
        const rows = table
          .filter((row) => statuses.includes(row.status) && (!afterId || row.id > afterId))
          .sort((a, b) => a.id.localeCompare(b.id))
          .slice(0, limit);
        if (rows.length) await use(rows);
        return rows;
      }),
    });
    resync = new TenantBlockListResync(new TenantBlockList(redis), repository);
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    resync.onApplicationShutdown();
    jest.useRealTimers();
    logged.mockRestore();
  });

  it('writes the key of every tenant whose status is blocked, and of no other', async () => {
    store.set(`tenancy:tenant-blocked:${id(9)}`, 'deleted');
    expect(await resync.resync()).toBe(3);
    expect(repository.withTenantsInStatus).toHaveBeenCalledWith(['pending', 'inactive', 'retired'], null, BLOCK_LIST_RESYNC_BATCH, expect.any(Function));
    expect(Object.fromEntries(store)).toEqual({
      [`tenancy:tenant-blocked:${id(2)}`]: 'inactive',
      [`tenancy:tenant-blocked:${id(3)}`]: 'retired',
      [`tenancy:tenant-blocked:${id(4)}`]: 'pending',
      // A deleted tenant has no row: its key is kept as it was.
      [`tenancy:tenant-blocked:${id(9)}`]: 'deleted',
    });
    expect(redis.mset).toHaveBeenCalledTimes(1);
  });

  it('goes through the tenants in batches, one MSET each', async () => {
    table = Array.from({ length: BLOCK_LIST_RESYNC_BATCH * 2 + 1 }, (_, n) => ({ id: id(n + 1), status: 'inactive' as const }));
    expect(await resync.resync()).toBe(BLOCK_LIST_RESYNC_BATCH * 2 + 1);
    expect(redis.mset).toHaveBeenCalledTimes(3);
    expect(repository.withTenantsInStatus.mock.calls.map((call) => call[1])).toEqual([null, id(BLOCK_LIST_RESYNC_BATCH), id(BLOCK_LIST_RESYNC_BATCH * 2)]);
    expect(store.size).toBe(BLOCK_LIST_RESYNC_BATCH * 2 + 1);
  });

  it('does not call Redis when no tenant is blocked, and asks for one empty batch only', async () => {
    table = [{ id: id(1), status: 'active' }];
    expect(await resync.resync()).toBe(0);
    expect(redis.mset).not.toHaveBeenCalled();
    expect(repository.withTenantsInStatus).toHaveBeenCalledTimes(1);
  });

  it('logs a failure of Redis or the database instead of throwing', async () => {
    redis.mset.mockRejectedValueOnce(new Error('connection closed'));
    await expect(resync.resync()).resolves.toBe(0);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('connection closed'));
    repository.withTenantsInStatus.mockRejectedValueOnce(new Error('database down'));
    await expect(resync.resync()).resolves.toBe(0);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('database down'));
  });

  it('runs at boot and then every minute on an unref’d timer, one run at a time', async () => {
    jest.useFakeTimers();
    const unref = jest.spyOn(global, 'setInterval');
    resync.onApplicationBootstrap();
    expect(repository.withTenantsInStatus).toHaveBeenCalledTimes(1);
    expect(unref).toHaveBeenCalledWith(expect.any(Function), BLOCK_LIST_RESYNC_INTERVAL_MS);
    const timer = unref.mock.results[0].value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    await jest.advanceTimersByTimeAsync(BLOCK_LIST_RESYNC_INTERVAL_MS);
    expect(repository.withTenantsInStatus).toHaveBeenCalledTimes(2);

    // Redis wiped: the next run writes the keys again.
    store.clear();
    await jest.advanceTimersByTimeAsync(BLOCK_LIST_RESYNC_INTERVAL_MS);
    expect(store.get(`tenancy:tenant-blocked:${id(2)}`)).toBe('inactive');

    // A run still going is not started again.
    let release!: () => void;
    repository.withTenantsInStatus.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve([]))));
    const first = resync.resync();
    const second = resync.resync();
    expect(second).toBe(first);
    release();
    await first;

    resync.onApplicationShutdown();
    const calls = repository.withTenantsInStatus.mock.calls.length;
    await jest.advanceTimersByTimeAsync(BLOCK_LIST_RESYNC_INTERVAL_MS * 3);
    expect(repository.withTenantsInStatus).toHaveBeenCalledTimes(calls);
    unref.mockRestore();
  });
});
