import type { RequestContext } from '@lib/contracts';
import type { NatsRpcClient } from '@lib/transport';

import type { AuditEventEntity } from './audit-event.entity';
import type { AuditEventsRepository } from './audit-events.repository';
import { AuditEventsService, clampLimit, MAX_RECENT_ACTIVITY, toActivityEntry } from './audit-events.service';

const TENANT = '0b0f6c1e-2222-4a53-9a59-3f0d2f3c1a10';
const USER = '4b0c8b2e-3333-4a53-9a59-3f0d2f3c1a10';
const KEY = '7d6b1c1a-4444-4c2b-9a1d-2e3f4a5b6c7d';

function storedEvent(overrides: Partial<AuditEventEntity> = {}): AuditEventEntity {
  return {
    id: '5f0e8c1a-1111-4a53-9a59-3f0d2f3c1a10',
    tenantId: TENANT,
    action: 'identity.api-key.created',
    resourceType: 'api-key',
    resourceId: KEY,
    actorType: 'user',
    actorId: USER,
    actorName: null,
    ip: '127.0.0.1',
    userAgent: null,
    requestId: 'req-1',
    details: {},
    occurredAt: new Date('2026-01-02T03:04:05.000Z'),
    ...overrides,
  };
}

describe('toActivityEntry', () => {
  it('maps an event to a dashboard entry, the acting user named by what the event carried', () => {
    expect(toActivityEntry(storedEvent({ actorName: 'Ada' }))).toEqual({
      type: 'identity.api-key.created',
      entity_id: KEY,
      entity_type: 'api-key',
      timestamp: '2026-01-02T03:04:05.000Z',
      user: { id: USER, name: 'Ada' },
    });
  });

  it('names the user by id when the event carried no name', () => {
    expect(toActivityEntry(storedEvent()).user).toEqual({ id: USER, name: USER });
  });

  it('has no user for API keys, the system or anonymous actors', () => {
    expect(toActivityEntry(storedEvent({ actorType: 'api-key', actorId: KEY }))).not.toHaveProperty('user');
    expect(toActivityEntry(storedEvent({ actorType: 'system', actorId: null }))).not.toHaveProperty('user');
    expect(toActivityEntry(storedEvent({ actorType: 'anonymous', actorId: null }))).not.toHaveProperty('user');
  });
});

describe('clampLimit', () => {
  it.each([
    [5, 5],
    [0, 1],
    [-3, 1],
    [7.9, 7],
    [1000, MAX_RECENT_ACTIVITY],
    [undefined, 10],
    ['5', 10],
    [Number.NaN, 10],
  ])('%p → %p', (limit, expected) => {
    expect(clampLimit(limit)).toBe(expected);
  });
});

describe('AuditEventsService.recentActivity', () => {
  const context: RequestContext = { requestId: 'r1', actor: null, tenantId: null, locale: null, ip: '127.0.0.1', userAgent: null };
  const repository = { newestWithResource: jest.fn() };
  const rpc = { request: jest.fn() };
  const service = new AuditEventsService(repository as unknown as AuditEventsRepository, rpc as unknown as NatsRpcClient);

  beforeEach(() => {
    repository.newestWithResource.mockReset().mockResolvedValue([storedEvent()]);
    rpc.request.mockReset().mockResolvedValue({ [USER]: 'Ada Lovelace' });
  });

  it('reads only the given tenant, with a capped limit', async () => {
    const entries = await service.recentActivity(context, TENANT.toUpperCase(), 500);
    expect(repository.newestWithResource).toHaveBeenCalledWith(TENANT, MAX_RECENT_ACTIVITY);
    expect(entries).toHaveLength(1);
  });

  it("names the acting users with identity's names, asking once per user", async () => {
    repository.newestWithResource.mockResolvedValue([storedEvent(), storedEvent({ action: 'identity.api-key.rotated' })]);
    const entries = await service.recentActivity(context, TENANT, 10);
    expect(entries.map((entry) => entry.user)).toEqual([{ id: USER, name: 'Ada Lovelace' }, { id: USER, name: 'Ada Lovelace' }]);
    expect(rpc.request).toHaveBeenCalledWith('identity.internal.user-names', { context, body: { userIds: [USER] } }, expect.any(Number));
  });

  it('keeps the fallback names when identity does not answer', async () => {
    rpc.request.mockRejectedValue(new Error('timeout'));
    expect((await service.recentActivity(context, TENANT, 10))[0]?.user).toEqual({ id: USER, name: USER });
  });

  it('answers nothing, without a query, for a tenant id that is not a uuid', async () => {
    expect(await service.recentActivity(context, 'acme', 5)).toEqual([]);
    expect(await service.recentActivity(context, undefined as unknown as string, 5)).toEqual([]);
    expect(repository.newestWithResource).not.toHaveBeenCalled();
  });
});
