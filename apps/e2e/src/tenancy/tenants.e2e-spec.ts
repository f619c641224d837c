import { randomUUID } from 'node:crypto';

import Redis from 'ioredis';

import { expectContract, expectErrorEnvelope, gateway, type GatewayResponse } from '@lib/testing';

import { adminOf, memberOf, ownerOf, systemAdminToken, TenantSession, type TestTenant } from './tenant-session';

// Tenants A and B side by side: each owner sees only their own tenant, another tenant's id answers
// exactly like a missing one; system administrators see and manage all of them.

const LIST = '/api/v1/secure/tenants/';
const ONE = '/api/v1/secure/tenants/{id}';
const RETENTION = '/api/v1/secure/tenants/{id}/log-retention';
const one = (id: string) => `/api/v1/secure/tenants/${id}`;
const retention = (id: string) => `/api/v1/secure/tenants/${id}/log-retention`;

const session = new TenantSession();
const redis = new Redis(process.env['E2E_REDIS_URL'] as string);
let tenantA: TestTenant;
let tenantB: TestTenant;

beforeAll(async () => {
  tenantA = await session.newTenant('a');
  tenantB = await session.newTenant('b');
});
afterAll(async () => {
  await session.close();
  await redis.quit();
});

/** The parts of an error body that do not vary per request. */
const stable = (res: GatewayResponse) => ({ status: res.status, error: res.body?.error, message: res.body?.message });

describe('GET /api/v1/secure/tenants/', () => {
  it('answers 401 without a token', async () => {
    expectErrorEnvelope(await gateway.get(LIST), 401, 'UNAUTHORIZED');
  });

  it("shows an owner only their own tenant, and counts nothing else", async () => {
    const res = await gateway.get(LIST, { token: ownerOf(tenantA) });
    const body = expectContract(res, 'GET', LIST);
    expect(body.data.map((t: { id: string }) => t.id)).toEqual([tenantA.id]);
    expect(body.pagination).toEqual({ total: 1, limit: 50, offset: 0, hasMore: false });
    expect(body.data[0]).toMatchObject({ name: `E2E a ${session.run}`, domain: `a-${session.run}.e2e.test`, status: 'active', type: 'trial' });
  });

  it("never lists another tenant, even when the search names it", async () => {
    const res = await gateway.get(LIST, { token: memberOf(tenantA), query: { search: `b-${session.run}` } });
    expect(expectContract(res, 'GET', LIST)).toEqual({ data: [], pagination: { total: 0, limit: 50, offset: 0, hasMore: false } });
  });

  it('shows a system administrator every tenant, searchable, filtered by status and paged', async () => {
    const token = systemAdminToken();
    const both = expectContract(await gateway.get(LIST, { token, query: { search: session.run } }), 'GET', LIST);
    expect(both.data.map((t: { id: string }) => t.id)).toEqual([tenantA.id, tenantB.id]);
    expect(both.pagination.total).toBe(2);
    const page = expectContract(await gateway.get(LIST, { token, query: { search: session.run, limit: 1, offset: 1 } }), 'GET', LIST);
    expect(page.data.map((t: { id: string }) => t.id)).toEqual([tenantB.id]);
    expect(page.pagination).toEqual({ total: 2, limit: 1, offset: 1, hasMore: false });
    const retired = expectContract(await gateway.get(LIST, { token, query: { search: session.run, status: 'retired' } }), 'GET', LIST);
    expect(retired.data).toEqual([]);
  });

  it('refuses malformed filters with 422', async () => {
    for (const query of [{ limit: 0 }, { offset: -1 }, { status: 'gone' }, { unknown: 'x' }]) {
      const res = await gateway.get(LIST, { token: ownerOf(tenantA), query });
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
      expectContract(res, 'GET', LIST);
    }
  });
});

describe('POST /api/v1/secure/tenants/', () => {
  const body = () => ({
    name: `E2E created ${session.run}`,
    domain: `created-${session.run}.e2e.test`,
    ownerEmail: `owner-${session.run}@e2e.test`,
    ownerPassword: 'a long enough password',
  });

  it('answers 401 without a token', async () => {
    expectErrorEnvelope(await gateway.post(LIST, body()), 401, 'UNAUTHORIZED');
  });

  it('is for system administrators: an owner gets 403', async () => {
    const res = await gateway.post(LIST, body(), { token: ownerOf(tenantA) });
    expectErrorEnvelope(res, 403, 'FORBIDDEN');
    expectContract(res, 'POST', LIST);
  });

  it('refuses missing and unknown fields with 422 (no owner id, no tenant id)', async () => {
    const token = systemAdminToken();
    const withoutPassword = { ...body(), ownerPassword: undefined };
    for (const invalid of [withoutPassword, { ...body(), domain: 'Upper Case' }, { ...body(), ownerUserId: randomUUID() }, { ...body(), id: randomUUID() }]) {
      const res = await gateway.post(LIST, invalid, { token });
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
      expectContract(res, 'POST', LIST);
    }
  });

  it("refuses another tenant's domain with 409", async () => {
    const res = await gateway.post(LIST, { ...body(), domain: tenantA.domain }, { token: systemAdminToken() });
    expectErrorEnvelope(res, 409, 'TENANT_DOMAIN_TAKEN');
  });

  it('creates a tenant whose owner identity provisions', async () => {
    const token = systemAdminToken();
    const res = await gateway.post(LIST, { ...body(), type: 'paid', description: 'made by e2e', settings: { theme: 'dark' } }, { token });
    const { data } = expectContract(res, 'POST', LIST);
    expect(data).toMatchObject({ domain: `created-${session.run}.e2e.test`, slug: `created-${session.run}-e2e-test`, status: 'active', type: 'paid', settings: { theme: 'dark' } });
    expect(res.text).not.toContain('a long enough password');
    expect(expectContract(await gateway.get(one(data.id), { token }), 'GET', ONE).data.id).toBe(data.id);
  });

  it('creates a pending tenant, blocked until a system administrator activates it', async () => {
    const token = systemAdminToken();
    const res = await gateway.post(LIST, { ...body(), domain: `pending-${session.run}.e2e.test`, status: 'pending' }, { token });
    const { data } = expectContract(res, 'POST', LIST);
    expect(data.status).toBe('pending');
    expect(await redis.get(`tenancy:tenant-blocked:${data.id}`)).toBe('pending');
    const activated = await gateway.post(`${one(data.id)}/lifecycle/activate`, { reason: 'approved' }, { token });
    expect(expectContract(activated, 'POST', '/api/v1/secure/tenants/{id}/lifecycle/activate').data).toMatchObject({ status: 'active', type: 'trial' });
    expect(await redis.get(`tenancy:tenant-blocked:${data.id}`)).toBeNull();
  });
});

describe('GET /api/v1/secure/tenants/{id}', () => {
  it('answers 401 without a token and 422 for a malformed id', async () => {
    expectErrorEnvelope(await gateway.get(one(tenantA.id)), 401, 'UNAUTHORIZED');
    expectErrorEnvelope(await gateway.get(one('not-a-uuid'), { token: ownerOf(tenantA) }), 422, 'VALIDATION_FAILED');
  });

  it('answers the own tenant to any of its members, and any tenant to a system administrator', async () => {
    const own = expectContract(await gateway.get(one(tenantA.id), { token: memberOf(tenantA) }), 'GET', ONE);
    expect(own.data).toMatchObject({ id: tenantA.id, status: 'active', type: 'trial', default_language: 'en', additional_languages: [] });
    const other = expectContract(await gateway.get(one(tenantB.id), { token: systemAdminToken() }), 'GET', ONE);
    expect(other.data.id).toBe(tenantB.id);
  });

  it("answers another tenant's id exactly like a missing one (404)", async () => {
    const other = await gateway.get(one(tenantB.id), { token: ownerOf(tenantA) });
    const missing = await gateway.get(one(randomUUID()), { token: ownerOf(tenantA) });
    expectErrorEnvelope(other, 404, 'TENANT_NOT_FOUND');
    expectContract(other, 'GET', ONE);
    expect(stable(other)).toEqual(stable(missing));
    expect(other.text).not.toContain(tenantB.id);
  });
});

describe('PATCH /api/v1/secure/tenants/{id}', () => {
  it('answers 401 without a token', async () => {
    expectErrorEnvelope(await gateway.patch(one(tenantA.id), { name: 'x1' }), 401, 'UNAUTHORIZED');
  });

  it('lets owners and admins rename and configure their tenant', async () => {
    const res = await gateway.patch(one(tenantA.id), { name: `E2E a ${session.run}`, settings: { theme: 'light' }, additional_languages: ['de', 'fr'] }, { token: adminOf(tenantA) });
    const { data } = expectContract(res, 'PATCH', ONE);
    expect(data).toMatchObject({ id: tenantA.id, settings: { theme: 'light' }, additional_languages: ['de', 'fr'] });
  });

  it('refuses members with 403 and another tenant with the 404 of a missing one', async () => {
    expectErrorEnvelope(await gateway.patch(one(tenantA.id), { name: 'x1' }, { token: memberOf(tenantA) }), 403, 'FORBIDDEN');
    const other = await gateway.patch(one(tenantB.id), { name: 'hijacked' }, { token: ownerOf(tenantA) });
    const missing = await gateway.patch(one(randomUUID()), { name: 'hijacked' }, { token: ownerOf(tenantA) });
    expectErrorEnvelope(other, 404, 'TENANT_NOT_FOUND');
    expect(stable(other)).toEqual(stable(missing));
    const b = expectContract(await gateway.get(one(tenantB.id), { token: ownerOf(tenantB) }), 'GET', ONE);
    expect(b.data.name).toBe(`E2E b ${session.run}`);
  });

  it('cannot change the owner or the id: unknown fields answer 422', async () => {
    for (const invalid of [{ ownerUserId: randomUUID() }, { owner_user_id: randomUUID() }, { id: randomUUID() }, { name: 'x' }]) {
      const res = await gateway.patch(one(tenantA.id), invalid, { token: ownerOf(tenantA) });
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
      expectContract(res, 'PATCH', ONE);
    }
  });

  it("leaves the status to system administrators, along the lifecycle's edges", async () => {
    expectErrorEnvelope(await gateway.patch(one(tenantA.id), { status: 'inactive' }, { token: ownerOf(tenantA) }), 403, 'FORBIDDEN');
    const admin = systemAdminToken();
    const maintenance = await gateway.patch(one(tenantA.id), { status: 'maintenance' }, { token: admin });
    expect(expectContract(maintenance, 'PATCH', ONE).data.status).toBe('maintenance');
    expectErrorEnvelope(await gateway.patch(one(tenantA.id), { status: 'retired' }, { token: admin }), 409, 'INVALID_LIFECYCLE_TRANSITION');
    const back = await gateway.patch(one(tenantA.id), { status: 'active' }, { token: admin });
    expect(expectContract(back, 'PATCH', ONE).data.status).toBe('active');
  });

  it('changes nothing when the status change is illegal: 409, and the other fields stay as they were', async () => {
    const admin = systemAdminToken();
    const before = expectContract(await gateway.get(one(tenantA.id), { token: admin }), 'GET', ONE).data;
    expect(before.status).toBe('active');
    const res = await gateway.patch(one(tenantA.id), { name: `Renamed ${session.run}`, settings: { theme: 'dark' }, status: 'retired' }, { token: admin });
    expectErrorEnvelope(res, 409, 'INVALID_LIFECYCLE_TRANSITION');
    const after = expectContract(await gateway.get(one(tenantA.id), { token: admin }), 'GET', ONE).data;
    expect(after).toMatchObject({ name: before.name, settings: before.settings, status: 'active' });
  });

  it('writes the other fields together with a legal status change', async () => {
    const admin = systemAdminToken();
    const res = await gateway.patch(one(tenantA.id), { name: `E2E a ${session.run} (maintenance)`, status: 'maintenance' }, { token: admin });
    expect(expectContract(res, 'PATCH', ONE).data).toMatchObject({ name: `E2E a ${session.run} (maintenance)`, status: 'maintenance' });
    const back = await gateway.patch(one(tenantA.id), { name: `E2E a ${session.run}`, status: 'active' }, { token: admin });
    expect(expectContract(back, 'PATCH', ONE).data).toMatchObject({ name: `E2E a ${session.run}`, status: 'active' });
  });

  it("refuses another tenant's domain with 409", async () => {
    const res = await gateway.patch(one(tenantA.id), { domain: `taken-${session.run}` }, { token: ownerOf(tenantA) });
    expect(expectContract(res, 'PATCH', ONE).data.domain).toBe(`taken-${session.run}`);
    expectErrorEnvelope(await gateway.patch(one(tenantB.id), { domain: `taken-${session.run}` }, { token: ownerOf(tenantB) }), 409, 'TENANT_DOMAIN_TAKEN');
  });
});

describe('GET and PATCH /api/v1/secure/tenants/{id}/log-retention', () => {
  it('answers 401 without a token', async () => {
    expectErrorEnvelope(await gateway.get(retention(tenantA.id)), 401, 'UNAUTHORIZED');
    expectErrorEnvelope(await gateway.patch(retention(tenantA.id), { retention_days: 30 }), 401, 'UNAUTHORIZED');
  });

  it('answers the default of 90 days until set, then what the owner set', async () => {
    const before = expectContract(await gateway.get(retention(tenantB.id), { token: memberOf(tenantB) }), 'GET', RETENTION);
    expect(before.data).toMatchObject({ tenantId: tenantB.id, retention_days: 90 });
    const set = expectContract(await gateway.patch(retention(tenantB.id), { retention_days: 30 }, { token: ownerOf(tenantB) }), 'PATCH', RETENTION);
    expect(set.data).toMatchObject({ tenantId: tenantB.id, retention_days: 30 });
    const after = expectContract(await gateway.get(retention(tenantB.id), { token: memberOf(tenantB) }), 'GET', RETENTION);
    expect(after.data.retention_days).toBe(30);
  });

  it('refuses values other than 30, 60, 90 with 422', async () => {
    for (const invalid of [{ retention_days: 45 }, { retention_days: '30' }, {}, { retention_days: 30, extra: 1 }]) {
      const res = await gateway.patch(retention(tenantA.id), invalid, { token: ownerOf(tenantA) });
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
      expectContract(res, 'PATCH', RETENTION);
    }
  });

  it("refuses members' changes with 403 and another tenant's policy with 404", async () => {
    expectErrorEnvelope(await gateway.patch(retention(tenantA.id), { retention_days: 60 }, { token: memberOf(tenantA) }), 403, 'FORBIDDEN');
    expectErrorEnvelope(await gateway.get(retention(tenantB.id), { token: ownerOf(tenantA) }), 404, 'TENANT_NOT_FOUND');
    expectErrorEnvelope(await gateway.patch(retention(tenantB.id), { retention_days: 60 }, { token: ownerOf(tenantA) }), 404, 'TENANT_NOT_FOUND');
  });
});

describe('DELETE /api/v1/secure/tenants/{id}', () => {
  let doomed: TestTenant;
  beforeAll(async () => {
    doomed = await session.newTenant('doomed');
  });

  it('answers 401 without a token', async () => {
    expectErrorEnvelope(await gateway.delete(one(doomed.id)), 401, 'UNAUTHORIZED');
  });

  it('refuses members with 403 and other tenants with the 404 of a missing one', async () => {
    expectErrorEnvelope(await gateway.delete(one(doomed.id), { token: memberOf(doomed) }), 403, 'FORBIDDEN');
    const other = await gateway.delete(one(doomed.id), { token: ownerOf(tenantA) });
    expectErrorEnvelope(other, 404, 'TENANT_NOT_FOUND');
    expect(stable(other)).toEqual(stable(await gateway.delete(one(randomUUID()), { token: ownerOf(tenantA) })));
  });

  it("deletes the owner's tenant and blocks its credentials at once", async () => {
    const res = await gateway.delete(one(doomed.id), { token: ownerOf(doomed) });
    expectContract(res, 'DELETE', ONE);
    expect(res.status).toBe(204);
    expect(await redis.get(`tenancy:tenant-blocked:${doomed.id}`)).toBe('deleted');
    expectErrorEnvelope(await gateway.get(one(doomed.id), { token: systemAdminToken() }), 404, 'TENANT_NOT_FOUND');
    expectErrorEnvelope(await gateway.get(LIST, { token: ownerOf(doomed) }), 403, 'TENANT_INACTIVE');
  });
});
