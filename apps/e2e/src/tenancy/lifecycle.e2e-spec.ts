import { randomUUID } from 'node:crypto';

import Redis from 'ioredis';

import { expectContract, expectErrorEnvelope, gateway, type GatewayResponse } from '@lib/testing';

import { memberOf, ownerOf, systemAdminToken, TenantSession, type TestTenant } from './tenant-session';

// The lifecycle of the catalogue's descriptions: activate (pending → active, inactive → active),
// suspend (active → inactive), reactivate (inactive → active), archive (inactive → retired), upgrade
// (trial → paid → enterprise). System administrators run it; a blocked tenant's tokens stop working.

const action = (name: string) => `/api/v1/secure/tenants/{id}/lifecycle/${name}`;
const at = (id: string, name: string) => `/api/v1/secure/tenants/${id}/lifecycle/${name}`;
const HISTORY = '/api/v1/secure/tenants/{id}/lifecycle/history';
const TENANT = (id: string) => `/api/v1/secure/tenants/${id}`;

const session = new TenantSession();
const redis = new Redis(process.env['E2E_REDIS_URL'] as string);
const adminId = randomUUID();
const admin = () => systemAdminToken(adminId);
const blockedAs = (tenant: TestTenant) => redis.get(`tenancy:tenant-blocked:${tenant.id}`);
let tenant: TestTenant;
let neighbour: TestTenant;

beforeAll(async () => {
  tenant = await session.newTenant('life');
  neighbour = await session.newTenant('neighbour');
});
afterAll(async () => {
  await session.close();
  await redis.quit();
});

async function run(name: string, target: TestTenant, body: object = {}): Promise<GatewayResponse> {
  return gateway.post(at(target.id, name), body, { token: admin() });
}

describe('POST /api/v1/secure/tenants/{id}/lifecycle/*: who may', () => {
  it.each(['activate', 'suspend', 'reactivate', 'archive'])('%s answers 401 without a token', async (name) => {
    expectErrorEnvelope(await gateway.post(at(tenant.id, name), {}), 401, 'UNAUTHORIZED');
  });

  it.each(['activate', 'suspend', 'reactivate', 'archive', 'upgrade'])("%s answers the tenant's own owner 403 and anyone else 404", async (name) => {
    const body = name === 'upgrade' ? { target_type: 'paid' } : {};
    const own = await gateway.post(at(tenant.id, name), body, { token: ownerOf(tenant) });
    expectErrorEnvelope(own, 403, 'FORBIDDEN');
    expectContract(own, 'POST', action(name));
    const other = await gateway.post(at(tenant.id, name), body, { token: ownerOf(neighbour) });
    expectErrorEnvelope(other, 404, 'TENANT_NOT_FOUND');
    const missing = await gateway.post(at(randomUUID(), name), body, { token: ownerOf(neighbour) });
    expect({ status: other.status, message: other.body.message }).toEqual({ status: missing.status, message: missing.body.message });
  });

  it('refuses a reason longer than 500 characters and unknown fields with 422', async () => {
    for (const invalid of [{ reason: 'x'.repeat(501) }, { status: 'inactive' }]) {
      const res = await run('suspend', tenant, invalid);
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
      expectContract(res, 'POST', action('suspend'));
    }
  });

  it('answers 404 for a tenant that does not exist', async () => {
    expectErrorEnvelope(await gateway.post(at(randomUUID(), 'suspend'), {}, { token: admin() }), 404, 'TENANT_NOT_FOUND');
  });
});

describe('status transitions', () => {
  it('suspends an active tenant: its tokens stop working, its neighbour is untouched', async () => {
    const res = await run('suspend', tenant, { reason: 'unpaid invoice' });
    expect(expectContract(res, 'POST', action('suspend')).data).toMatchObject({ id: tenant.id, status: 'inactive', type: 'trial' });
    expect(await blockedAs(tenant)).toBe('inactive');
    expectErrorEnvelope(await gateway.get(TENANT(tenant.id), { token: ownerOf(tenant) }), 403, 'TENANT_INACTIVE');
    expect(await blockedAs(neighbour)).toBeNull();
    expect((await gateway.get(TENANT(neighbour.id), { token: ownerOf(neighbour) })).status).toBe(200);
  });

  it('answers 409 for a transition the state machine does not have', async () => {
    const again = await run('suspend', tenant);
    expect(expectErrorEnvelope(again, 409, 'INVALID_LIFECYCLE_TRANSITION').message).toContain('inactive');
    expect(await blockedAs(tenant)).toBe('inactive');
  });

  it('reactivates an inactive tenant and clears the block', async () => {
    const res = await run('reactivate', tenant, { reason: 'paid' });
    expect(expectContract(res, 'POST', action('reactivate')).data.status).toBe('active');
    expect(await blockedAs(tenant)).toBeNull();
    expect((await gateway.get(TENANT(tenant.id), { token: ownerOf(tenant) })).status).toBe(200);
  });

  it('activates an inactive tenant, but not an active one (409)', async () => {
    expectErrorEnvelope(await run('activate', tenant), 409, 'INVALID_LIFECYCLE_TRANSITION');
    expectErrorEnvelope(await run('reactivate', tenant), 409, 'INVALID_LIFECYCLE_TRANSITION');
    expectErrorEnvelope(await run('archive', tenant), 409, 'INVALID_LIFECYCLE_TRANSITION');
    await run('suspend', tenant);
    const res = await run('activate', tenant);
    expect(expectContract(res, 'POST', action('activate')).data.status).toBe('active');
    expect(await blockedAs(tenant)).toBeNull();
  });
});

describe('POST /api/v1/secure/tenants/{id}/lifecycle/upgrade', () => {
  it('refuses an unknown or missing target type with 422', async () => {
    for (const invalid of [{ target_type: 'gold' }, { target_type: 'trial' }, {}]) {
      const res = await run('upgrade', tenant, invalid);
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
      expectContract(res, 'POST', action('upgrade'));
    }
  });

  it('goes trial → paid → enterprise and never back (409)', async () => {
    const paid = await run('upgrade', tenant, { target_type: 'paid', reason: 'contract signed' });
    expect(expectContract(paid, 'POST', action('upgrade')).data).toMatchObject({ status: 'active', type: 'paid' });
    expectErrorEnvelope(await run('upgrade', tenant, { target_type: 'paid' }), 409, 'INVALID_LIFECYCLE_TRANSITION');
    const enterprise = await run('upgrade', tenant, { target_type: 'enterprise' });
    expect(expectContract(enterprise, 'POST', action('upgrade')).data.type).toBe('enterprise');
    expectErrorEnvelope(await run('upgrade', tenant, { target_type: 'paid' }), 409, 'INVALID_LIFECYCLE_TRANSITION');
  });
});

describe('archive', () => {
  it('retires an inactive tenant for good', async () => {
    await run('suspend', tenant, { reason: 'closing' });
    const res = await run('archive', tenant, { reason: 'closed' });
    expect(expectContract(res, 'POST', action('archive')).data.status).toBe('retired');
    expect(await blockedAs(tenant)).toBe('retired');
    for (const name of ['activate', 'reactivate', 'suspend', 'archive']) {
      expectErrorEnvelope(await run(name, tenant), 409, 'INVALID_LIFECYCLE_TRANSITION');
    }
    expectErrorEnvelope(await run('upgrade', tenant, { target_type: 'enterprise' }), 409, 'INVALID_LIFECYCLE_TRANSITION');
    expect(await blockedAs(tenant)).toBe('retired');
  });
});

describe('GET /api/v1/secure/tenants/{id}/lifecycle/history', () => {
  it('answers 401 without a token', async () => {
    expectErrorEnvelope(await gateway.get(at(neighbour.id, 'history')), 401, 'UNAUTHORIZED');
  });

  it('records every change: who, when, from, to and why, oldest first', async () => {
    const res = await gateway.get(at(tenant.id, 'history'), { token: admin() });
    const { data } = expectContract(res, 'GET', HISTORY);
    expect(data.map((e: { action: string; from_status: string; to_status: string }) => `${e.action}:${e.from_status}>${e.to_status}`)).toEqual([
      'suspend:active>inactive',
      'reactivate:inactive>active',
      'suspend:active>inactive',
      'activate:inactive>active',
      'upgrade:active>active',
      'upgrade:active>active',
      'suspend:active>inactive',
      'archive:inactive>retired',
    ]);
    expect(data[0]).toMatchObject({ tenantId: tenant.id, reason: 'unpaid invoice', performed_by: adminId, from_type: 'trial', to_type: 'trial' });
    expect(data[4]).toMatchObject({ from_type: 'trial', to_type: 'paid', reason: 'contract signed' });
    expect(data[5]).toMatchObject({ from_type: 'paid', to_type: 'enterprise', reason: null });
    const times = data.map((e: { created_at: string }) => Date.parse(e.created_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("is read by the tenant's owners; members get 403, other tenants 404", async () => {
    const own = expectContract(await gateway.get(at(neighbour.id, 'history'), { token: ownerOf(neighbour) }), 'GET', HISTORY);
    expect(own.data).toEqual([]);
    expectErrorEnvelope(await gateway.get(at(neighbour.id, 'history'), { token: memberOf(neighbour) }), 403, 'FORBIDDEN');
    const other = await gateway.get(at(tenant.id, 'history'), { token: ownerOf(neighbour) });
    expectErrorEnvelope(other, 404, 'TENANT_NOT_FOUND');
    expectContract(other, 'GET', HISTORY);
  });
});
