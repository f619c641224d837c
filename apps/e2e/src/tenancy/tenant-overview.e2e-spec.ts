import { randomUUID } from 'node:crypto';

import Redis from 'ioredis';

import { expectContract, expectErrorEnvelope, gateway, pollUntil, type GatewayResponse } from '@lib/testing';

import { memberOf, ownerOf, systemAdminToken, TenantSession, type TestTenant } from './tenant-session';

// The read-only views of one tenant (dashboard, info, developer config, exports, language sync,
// translation coverage). Each answers only to members of the tenant and system administrators;
// another tenant's id answers exactly like a missing one.

const base = (id: string) => `/api/v1/secure/tenants/${id}`;
const VIEW = {
  dashboard: '/api/v1/secure/tenants/{id}/dashboard',
  developerConfig: '/api/v1/secure/tenants/{id}/developer-config',
  env: '/api/v1/secure/tenants/{id}/env',
  info: '/api/v1/secure/tenants/{id}/info',
  json: '/api/v1/secure/tenants/{id}/json',
  syncStatus: '/api/v1/secure/tenants/{id}/language-sync-status',
  syncHistory: '/api/v1/secure/tenants/{id}/language-sync/history',
  oauth: '/api/v1/secure/tenants/{id}/oauth-redirect-uris',
  coverage: '/api/v1/secure/tenants/{id}/translation-coverage',
} as const;
const at = (template: string, id: string) => template.replace('{id}', id);

const PASSWORD = 'correct horse battery';
const session = new TenantSession();
const redis = new Redis(process.env['E2E_REDIS_URL'] as string);
let tenantA: TestTenant;
let tenantB: TestTenant;

beforeAll(async () => {
  tenantA = await session.newTenant('ov-a');
  tenantB = await session.newTenant('ov-b');
});
afterAll(async () => {
  await session.close();
  await redis.quit();
});

const stable = (res: GatewayResponse) => ({ status: res.status, error: res.body?.error, message: res.body?.message });

/** A tenant registered through identity, its owner logged in (so identity knows one active member). */
async function registeredTenant(): Promise<{ tenantId: string; userId: string; email: string; token: string }> {
  const id = randomUUID().slice(0, 8);
  const email = `ov-${id}@example.com`;
  const registered = expectContract(
    await gateway.post('/api/v1/public/auth/register', { email, password: PASSWORD, tenantName: `Overview ${id}`, tenantDomain: `ov-${id}` }),
    'POST',
    '/api/v1/public/auth/register',
  );
  const login = expectContract(await gateway.post('/api/v1/public/auth/login', { email, password: PASSWORD }), 'POST', '/api/v1/public/auth/login');
  return { tenantId: registered.tenant.id, userId: registered.user.id, email, token: login.accessToken };
}

describe.each(Object.entries(VIEW))('GET %s: access', (_, template) => {
  it('answers 401 without a token and 422 for a malformed id', async () => {
    expectErrorEnvelope(await gateway.get(at(template, tenantA.id)), 401, 'UNAUTHORIZED');
    const malformed = await gateway.get(at(template, 'not-a-uuid'), { token: ownerOf(tenantA) });
    expectErrorEnvelope(malformed, 422, 'VALIDATION_FAILED');
    expectContract(malformed, 'GET', template);
  });

  it("answers another tenant's id exactly like a missing one", async () => {
    const other = await gateway.get(at(template, tenantB.id), { token: ownerOf(tenantA) });
    const missing = await gateway.get(at(template, randomUUID()), { token: ownerOf(tenantA) });
    expectErrorEnvelope(other, 404, 'TENANT_NOT_FOUND');
    expectContract(other, 'GET', template);
    expect(stable(other)).toEqual(stable(missing));
  });
});

describe('GET /api/v1/secure/tenants/{id}/dashboard', () => {
  it('shows members from identity, API requests of the last 30 days, storage and language sync', async () => {
    const owner = await registeredTenant();
    const day = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const key = (back: number) => `usage:api-requests:${owner.tenantId}:${day(back)}`;
    await redis.mset(key(1), '5', key(29), '7', key(30), '1000');
    try {
      const res = await gateway.get(at(VIEW.dashboard, owner.tenantId), { token: owner.token });
      const { data } = expectContract(res, 'GET', VIEW.dashboard);
      // The gateway may count today's requests (this one included) in today's key.
      const today = Number((await redis.get(key(0))) ?? 0);
      expect(data.tenant).toMatchObject({ id: owner.tenantId, status: 'active', type: 'trial' });
      expect(data.metrics.users).toEqual({ total: 1, active: 1, trend: 100 });
      expect(data.metrics.spaces).toEqual({ total: 0, active: 0 });
      expect(data.metrics.resources).toEqual({ total: 0 });
      expect(data.metrics.apiRequests.last30d).toBe(12 + today);
      expect(data.storage).toEqual({ used: 0, limit: 1024 ** 3, percent: 0 });
      expect(Array.isArray(data.recentActivity)).toBe(true);
      expect(data.languageSync).toEqual({ activeJobs: 0, lastSync: null });
    } finally {
      await redis.del(key(1), key(29), key(30));
    }
  });

  it('answers a system administrator for any tenant', async () => {
    const res = await gateway.get(at(VIEW.dashboard, tenantB.id), { token: systemAdminToken() });
    expect(expectContract(res, 'GET', VIEW.dashboard).data.tenant.id).toBe(tenantB.id);
  });
});

describe('GET /api/v1/secure/tenants/{id}/info and /developer-config', () => {
  it('shows the tenant, its first owner (never a password) and how to reach the API', async () => {
    const owner = await registeredTenant();
    const res = await gateway.get(at(VIEW.info, owner.tenantId), { token: owner.token });
    const { data } = expectContract(res, 'GET', VIEW.info);
    expect(data.tenant.id).toBe(owner.tenantId);
    expect(data.admin).toMatchObject({ id: owner.userId, email: owner.email });
    expect(data.api).toEqual({ base_url: expect.stringMatching(/\/api\/v1$/), docs_url: expect.stringMatching(/\/api\/docs$/), version: 'v1' });
    expect(data.groups).toEqual([]);
    expect(data.spaces).toEqual([]);
    expect(res.text).not.toMatch(/password|hash/i);

    const config = await gateway.get(at(VIEW.developerConfig, owner.tenantId), { token: owner.token });
    // The catalogue gives no success schema for developer-config: its shape is ours (tenants.dto.ts DeveloperConfig).
    expect(config.status).toBe(200);
    expect(Object.keys(config.body.data).sort()).toEqual(['admin', 'api', 'configuration', 'domains', 'tenant']);
    expect(config.body.data.admin).toEqual(data.admin);
    expect(config.body.data.configuration).toEqual({ additional_languages: 0, settings: 0, groups: 0, spaces: 0, custom_domains: 0 });
    expect(config.body.data.domains).toEqual({ primary: data.tenant.domain, custom: [], oauth_redirect_uris: [] });
    expect(config.text).not.toMatch(/password|hash/i);
  });

  it('leaves the admin out for a tenant without owner or admin in identity', async () => {
    const { data } = expectContract(await gateway.get(at(VIEW.info, tenantA.id), { token: memberOf(tenantA) }), 'GET', VIEW.info);
    expect(data).not.toHaveProperty('admin');
  });
});

describe('GET /api/v1/secure/tenants/{id}/env and /json', () => {
  beforeAll(async () => {
    const res = await gateway.patch(base(tenantA.id), { settings: { theme: 'dark', smtp_password: 'never-exported-1' } }, { token: ownerOf(tenantA) });
    expect(res.status).toBe(200);
  });

  it('downloads a .env file of the configuration, without secrets', async () => {
    const res = await gateway.get(at(VIEW.env, tenantA.id), { token: memberOf(tenantA) });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    // The file is named by the tenant's slug (its domain with dots as dashes).
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${String(tenantA.domain).replace(/\./g, '-')}.env"`);
    expect(res.text).toContain(`PLATFORM_TENANT_ID=${tenantA.id}\n`);
    expect(res.text).toContain(`PLATFORM_TENANT_DOMAIN=${tenantA.domain}\n`);
    expect(res.text).toMatch(/\nPLATFORM_API_KEY=\n$/);
    expect(res.text).not.toContain('never-exported-1');
  });

  it('downloads a JSON file of the configuration, secrets redacted', async () => {
    const res = await gateway.get(at(VIEW.json, tenantA.id), { token: memberOf(tenantA) });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+-config\.json"$/);
    expect(res.body.tenant).toMatchObject({ id: tenantA.id, settings: { theme: 'dark', smtp_password: '[redacted]' } });
    expect(res.text).not.toContain('never-exported-1');
  });
});

describe('GET /api/v1/secure/tenants/{id}/oauth-redirect-uris and /translation-coverage', () => {
  it('lists no redirect URIs while the tenant has no verified custom domain', async () => {
    const res = await gateway.get(at(VIEW.oauth, tenantA.id), { token: memberOf(tenantA) });
    expect(expectContract(res, 'GET', VIEW.oauth)).toEqual({ data: { redirect_uris: [] } });
  });

  it('reports 0 of 0 for every translatable kind', async () => {
    const res = await gateway.get(at(VIEW.coverage, tenantA.id), { token: memberOf(tenantA) });
    const none = { total: 0, translated: 0, percentage: 0 };
    expect(expectContract(res, 'GET', VIEW.coverage)).toEqual({ data: { spaces: none, resources: none, categories: none, tags: none } });
  });
});

describe('language sync: GET /language-sync-status and /language-sync/history', () => {
  type Job = { id: string; operation: string; language_code: string; status: string; entities_processed: number; entities_total: number };
  let jobs: Job[];

  beforeAll(async () => {
    expect((await gateway.patch(base(tenantA.id), { additional_languages: ['de', 'fr'] }, { token: ownerOf(tenantA) })).status).toBe(200);
    expect((await gateway.patch(base(tenantA.id), { additional_languages: ['fr', 'it'] }, { token: ownerOf(tenantA) })).status).toBe(200);
    jobs = await pollUntil(
      async () => expectContract(await gateway.get(at(VIEW.syncStatus, tenantA.id), { token: memberOf(tenantA) }), 'GET', VIEW.syncStatus).data as Job[],
      (list) => list.length === 4 && list.every((job) => job.status === 'completed'),
      { what: 'the language sync jobs to complete', timeoutMs: 20_000 },
    );
  });

  it('records a job per added or removed language, run in the background to completion', () => {
    const summary = jobs.map((job) => `${job.operation} ${job.language_code}`).sort();
    expect(summary).toEqual(['add de', 'add fr', 'add it', 'remove de']);
    // Spaces, resources, categories and tags are not built yet: nothing to process.
    for (const job of jobs) expect(job).toMatchObject({ entities_processed: 0, entities_total: 0 });
  });

  it('answers one job by jobId, and 404 for a job of no tenant of the caller', async () => {
    const one = await gateway.get(at(VIEW.syncStatus, tenantA.id), { token: memberOf(tenantA), query: { jobId: jobs[0].id } });
    expect(expectContract(one, 'GET', VIEW.syncStatus).data).toMatchObject({ id: jobs[0].id, tenantId: tenantA.id, status: 'completed' });
    const elsewhere = await gateway.get(at(VIEW.syncStatus, tenantB.id), { token: memberOf(tenantB), query: { jobId: jobs[0].id } });
    expectErrorEnvelope(elsewhere, 404, 'LANGUAGE_SYNC_JOB_NOT_FOUND');
    expectContract(elsewhere, 'GET', VIEW.syncStatus);
    expectErrorEnvelope(await gateway.get(at(VIEW.syncStatus, tenantA.id), { token: memberOf(tenantA), query: { jobId: 'x' } }), 422, 'VALIDATION_FAILED');
  });

  it('pages the history, newest first, filtered by status, operation and language', async () => {
    const token = memberOf(tenantA);
    const all = expectContract(await gateway.get(at(VIEW.syncHistory, tenantA.id), { token }), 'GET', VIEW.syncHistory);
    expect(all.pagination).toEqual({ total: 4, limit: 50, offset: 0, hasMore: false });
    expect(all.data.map((job: Job) => job.id)).toEqual(jobs.map((job) => job.id));

    const page = expectContract(await gateway.get(at(VIEW.syncHistory, tenantA.id), { token, query: { limit: 1, offset: 1 } }), 'GET', VIEW.syncHistory);
    expect(page.data.map((job: Job) => job.id)).toEqual([jobs[1].id]);
    expect(page.pagination).toEqual({ total: 4, limit: 1, offset: 1, hasMore: true });

    const removed = expectContract(await gateway.get(at(VIEW.syncHistory, tenantA.id), { token, query: { operation: 'remove' } }), 'GET', VIEW.syncHistory);
    expect(removed.data.map((job: Job) => job.language_code)).toEqual(['de']);
    const de = expectContract(await gateway.get(at(VIEW.syncHistory, tenantA.id), { token, query: { language_code: 'de', status: 'completed' } }), 'GET', VIEW.syncHistory);
    expect(de.data.map((job: Job) => job.operation).sort()).toEqual(['add', 'remove']);
    const failed = expectContract(await gateway.get(at(VIEW.syncHistory, tenantA.id), { token, query: { status: 'failed' } }), 'GET', VIEW.syncHistory);
    expect(failed).toEqual({ data: [], pagination: { total: 0, limit: 50, offset: 0, hasMore: false } });
  });

  it('refuses malformed filters with 422', async () => {
    for (const query of [{ status: 'done' }, { operation: 'comprehensive' }, { language_code: 'deu' }, { limit: 0 }, { unknown: 'x' }]) {
      const res = await gateway.get(at(VIEW.syncHistory, tenantA.id), { token: memberOf(tenantA), query });
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
      expectContract(res, 'GET', VIEW.syncHistory);
    }
  });

  it('shows the jobs on the dashboard: none active, the last sync time', async () => {
    const { data } = expectContract(await gateway.get(at(VIEW.dashboard, tenantA.id), { token: systemAdminToken() }), 'GET', VIEW.dashboard);
    expect(data.languageSync.activeJobs).toBe(0);
    expect(Date.parse(data.languageSync.lastSync)).not.toBeNaN();
  });
});
