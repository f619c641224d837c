import { DomainError, type RequestContext } from '@lib/contracts';

import type { MembershipEntity } from '../users/membership.entity';
import type { UserEntity } from '../users/user.entity';
import { MembershipsService } from './memberships.service';

const A = '11111111-1111-4111-8111-111111111111';
const B = '33333333-3333-4333-8333-333333333333';
const USER = '22222222-2222-4222-8222-222222222222';

type Mocked = Record<string, jest.Mock>;

function automock(methods: string[]): Mocked {
  return Object.fromEntries(methods.map((m) => [m, jest.fn(() => { throw new Error(`unexpected call: ${m}`); })]));
}

function context(tenantId: string | null = A): RequestContext {
  return {
    requestId: 'req-1',
    actor: { type: 'user', id: USER, tenantId, role: 'owner', sessionId: 'sid-1', isSystemAdmin: false },
    tenantId,
    locale: null,
    ip: '10.0.0.1',
    userAgent: null,
  };
}

function membership(tenantId: string, role: MembershipEntity['role'] = 'owner'): MembershipEntity {
  return { id: `m-${tenantId}`, userId: USER, tenantId, role, createdAt: new Date('2026-01-01'), updatedAt: new Date('2026-01-01') };
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof DomainError) return error.status;
    throw error;
  }
}

describe('MembershipsService', () => {
  let users: Mocked;
  let sessions: Mocked;
  let revocations: Mocked;
  let tenants: Mocked;
  let events: Mocked;
  let apiKeys: Mocked;
  let service: MembershipsService;

  beforeEach(() => {
    users = automock(['findById', 'findByEmail', 'membershipsOf', 'membership', 'update', 'removeMembershipUnlessLastOwner']);
    sessions = automock(['findById', 'switchTenant', 'revokeAllOfUser']);
    revocations = automock(['revoke']);
    tenants = automock(['lookup', 'tryLookup']);
    events = automock(['audit']);
    apiKeys = automock(['disableKeysOf']);
    events.audit.mockResolvedValue(undefined);
    users.membership.mockImplementation(async (_u: string, t: string) => (t === A ? membership(A) : t === B ? membership(B, 'member') : null));
    tenants.lookup.mockResolvedValue(new Map([[B, { id: B, name: 'Beta', domain: 'beta' }]]));
    service = new MembershipsService(users as never, sessions as never, revocations as never, tenants as never, events as never, apiKeys as never);
  });

  it('switches the session family to another tenant of the user', async () => {
    sessions.findById.mockResolvedValue({ id: 'sid-1', userId: USER, familyId: 'family-1' });
    sessions.switchTenant.mockResolvedValue(undefined);
    const res = await service.switchTenant(context(), B);
    expect(res).toEqual({ success: true, tenantId: B, tenantName: 'Beta', tenantSlug: 'beta', role: 'member' });
    expect(sessions.switchTenant).toHaveBeenCalledWith('family-1', B);
  });

  it('answers 404 for a tenant the user does not belong to, everywhere', async () => {
    const other = '44444444-4444-4444-8444-444444444444';
    expect(await status(service.switchTenant(context(), other))).toBe(404);
    expect(await status(service.setDefault(context(), other))).toBe(404);
    expect(await status(service.leave(context(), other))).toBe(404);
    expect(await status(service.role(context(other)))).toBe(404);
  });

  it('refuses to let the last owner leave with 403 (the catalogue has no 409 here)', async () => {
    users.removeMembershipUnlessLastOwner.mockResolvedValue('last-owner');
    expect(await status(service.leave(context(), A))).toBe(403);
    expect(sessions.revokeAllOfUser).not.toHaveBeenCalled();
  });

  it('lets a member leave, clears the default, revokes every session and disables its API keys in that tenant', async () => {
    users.removeMembershipUnlessLastOwner.mockResolvedValue('removed');
    users.findById.mockResolvedValue({ id: USER, defaultTenantId: B } as UserEntity);
    users.update.mockResolvedValue(undefined);
    sessions.revokeAllOfUser.mockResolvedValue(['sid-1', 'sid-9']);
    revocations.revoke.mockResolvedValue(undefined);
    apiKeys.disableKeysOf.mockResolvedValue(1);
    await service.leave(context(), B);
    expect(users.removeMembershipUnlessLastOwner).toHaveBeenCalledWith(USER, B);
    expect(users.update).toHaveBeenCalledWith(USER, { defaultTenantId: null });
    expect(sessions.revokeAllOfUser).toHaveBeenCalledWith(USER, expect.any(Date));
    expect(revocations.revoke).toHaveBeenCalledWith(['sid-1', 'sid-9']);
    expect(apiKeys.disableKeysOf).toHaveBeenCalledWith(USER, B);
  });

  it('revokes on leave the session that switched away from the tenant (its row names another tenant now)', async () => {
    // Logged in to B (sid-1), switched to A: the row of sid-1 names A, yet sid-1's access token says B.
    sessions.findById.mockResolvedValue({ id: 'sid-1', userId: USER, familyId: 'family-1', tenantId: B });
    sessions.switchTenant.mockResolvedValue(undefined);
    await service.switchTenant(context(B), A);
    users.removeMembershipUnlessLastOwner.mockResolvedValue('removed');
    users.findById.mockResolvedValue({ id: USER, defaultTenantId: A } as UserEntity);
    sessions.revokeAllOfUser.mockResolvedValue(['sid-1']);
    revocations.revoke.mockResolvedValue(undefined);
    apiKeys.disableKeysOf.mockResolvedValue(0);
    await service.leave(context(A), B);
    expect(revocations.revoke).toHaveBeenCalledWith(['sid-1']);
    expect(users.update).not.toHaveBeenCalled();
  });

  it('lists only the tenants tenancy still knows, and nothing for an unknown email', async () => {
    users.findByEmail.mockResolvedValueOnce({ id: USER } as UserEntity);
    users.membershipsOf.mockResolvedValue([membership(A), membership(B, 'member')]);
    expect(await service.byEmail(context(null), 'ADA@example.com')).toEqual({
      tenants: [{ id: B, name: 'Beta', slug: 'beta' }],
      hasMultipleTenants: false,
    });
    expect(users.findByEmail).toHaveBeenCalledWith('ada@example.com');
    users.findByEmail.mockResolvedValueOnce(null);
    tenants.lookup.mockResolvedValue(new Map());
    expect(await service.byEmail(context(null), 'nobody@example.com')).toEqual({ tenants: [], hasMultipleTenants: false });
  });
});
