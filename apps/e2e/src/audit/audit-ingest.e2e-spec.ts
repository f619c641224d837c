import { randomUUID } from 'node:crypto';

import { expectContract, gateway, pollUntil } from '@lib/testing';

import { auditEvent, AuditTrail, type StoredAuditEvent } from './audit-trail';

// The audit service takes every event of the stream AUDIT into audit.audit_events and answers
// recentActivity per tenant. Events are caused through the gateway (register, login, API key), then
// read from Postgres and over NATS as tenancy would; two tenants side by side prove the isolation.

const REGISTER = '/api/v1/public/auth/register';
const LOGIN = '/api/v1/public/auth/login';
const API_KEYS = '/api/v1/secure/api-keys/';
const PASSWORD = 'audit trail horse battery';
const INGEST_MS = 20_000;

interface Account {
  tenantId: string;
  userId: string;
  accessToken: string;
  refreshToken: string;
  apiKeyId: string;
  fullKey: string;
}

const trail = new AuditTrail();
afterAll(() => trail.close());

async function accountWithApiKey(label: string): Promise<Account> {
  const id = randomUUID().slice(0, 8);
  const email = `audit-${label}-${id}@example.com`;
  const registered = expectContract(
    await gateway.post(REGISTER, { email, password: PASSWORD, tenantName: `Audit ${label} ${id}`, tenantDomain: `audit-${label}-${id}`, displayName: 'Auditor' }),
    'POST',
    REGISTER,
  );
  const tokens = expectContract(await gateway.post(LOGIN, { email, password: PASSWORD }), 'POST', LOGIN);
  const key = expectContract(await gateway.post(API_KEYS, { name: `audit ${label}` }, { token: tokens.accessToken }), 'POST', API_KEYS);
  return {
    tenantId: registered.tenant.id,
    userId: registered.user.id,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    apiKeyId: key.data.id,
    fullKey: key.fullKey,
  };
}

const EXPECTED_ACTIONS = ['identity.api-key.created', 'identity.login.succeeded', 'identity.user.registered'];

function eventsOf(tenantId: string): Promise<StoredAuditEvent[]> {
  return pollUntil(
    () => trail.rows('tenant_id = $1', [tenantId]),
    (rows) => EXPECTED_ACTIONS.every((action) => rows.some((r) => r.action === action)),
    { timeoutMs: INGEST_MS, what: `the audit events of tenant ${tenantId} to be stored` },
  );
}

let tenantA: Account;
let tenantB: Account;

beforeAll(async () => {
  tenantA = await accountWithApiKey('a');
  tenantB = await accountWithApiKey('b');
}, 60_000);

describe('audit ingestion (stream AUDIT → audit.audit_events)', () => {
  it('stores the events of registration, login and API key creation with their tenant, actor and resource', async () => {
    const rows = await eventsOf(tenantA.tenantId);
    const keyCreated = rows.find((r) => r.action === 'identity.api-key.created');
    expect(keyCreated).toMatchObject({
      tenant_id: tenantA.tenantId,
      resource_type: 'api-key',
      resource_id: tenantA.apiKeyId,
      actor_type: 'user',
      actor_id: tenantA.userId,
    });
    expect(rows.find((r) => r.action === 'identity.user.registered')).toMatchObject({ resource_type: 'user', resource_id: tenantA.userId });
    expect(rows.every((r) => r.tenant_id === tenantA.tenantId)).toBe(true);
  });

  it('stores no password, token or API key', async () => {
    await eventsOf(tenantA.tenantId);
    const stored = await trail.textOfTenant(tenantA.tenantId);
    for (const secret of [PASSWORD, tenantA.accessToken, tenantA.refreshToken, tenantA.fullKey]) expect(stored).not.toContain(secret);
    expect(stored).not.toMatch(/pk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}/);
  });

  it('stores a redelivered event once (same event id under two message ids)', async () => {
    const event = auditEvent({ action: 'e2e.widget.redelivered' });
    await trail.publish(event);
    await trail.publish(event);
    await trail.publish(auditEvent({ action: 'e2e.widget.after-redelivery', tenantId: event['tenantId'] }));
    const rows = await pollUntil(
      () => trail.rows('tenant_id = $1', [event['tenantId']]),
      (found) => found.some((r) => r.action === 'e2e.widget.after-redelivery'),
      { timeoutMs: INGEST_MS, what: 'the events after the redelivery to be stored' },
    );
    expect(rows.filter((r) => r.id === event['id'])).toHaveLength(1);
  });

  it('drops malformed messages and goes on with the next ones', async () => {
    const tenantId = randomUUID();
    await trail.publishRaw('events.audit.e2e.widget.malformed', new TextEncoder().encode('{"not": json'));
    await trail.publish(auditEvent({ action: 'e2e.widget.bad-tenant', tenantId: 'not-a-uuid' }));
    await trail.publish(auditEvent({ action: 'e2e.widget.after-poison', tenantId }));
    const rows = await pollUntil(
      () => trail.rows('tenant_id = $1', [tenantId]),
      (found) => found.length > 0,
      { timeoutMs: INGEST_MS, what: 'the event after the malformed ones to be stored' },
    );
    expect(rows.map((r) => r.action)).toEqual(['e2e.widget.after-poison']);
    expect(await trail.rows(`action IN ('e2e.widget.malformed', 'e2e.widget.bad-tenant')`, [])).toEqual([]);
    // Terminated, not left to come back after the ack wait (30 s).
    await pollUntil(() => trail.consumerInfo('AUDIT', 'audit-ingest'), (info) => info.num_ack_pending === 0 && info.num_redelivered === 0, {
      timeoutMs: 10_000,
      what: 'no message of AUDIT left unacknowledged',
    });
  });

  it('is one durable pull consumer, explicit acks, a bounded number of deliveries with backoff', async () => {
    expect(await trail.consumerConfig('AUDIT', 'audit-ingest')).toMatchObject({
      durable_name: 'audit-ingest',
      filter_subject: 'events.audit.>',
      ack_policy: 'explicit',
      max_deliver: 10,
      backoff: expect.arrayContaining([expect.any(Number)]),
    });
  });
});

describe('audit.internal.recent-activity', () => {
  it("answers the tenant's events that name a resource, newest first, in the dashboard's shape", async () => {
    await eventsOf(tenantA.tenantId);
    const entries = await trail.recentActivity(tenantA.tenantId, 10);
    expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(EXPECTED_ACTIONS));
    expect(entries.find((e) => e.type === 'identity.api-key.created')).toEqual({
      type: 'identity.api-key.created',
      entity_id: tenantA.apiKeyId,
      entity_type: 'api-key',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      user: { id: tenantA.userId, name: 'Auditor' },
    });
    const times = entries.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("never answers another tenant's events", async () => {
    await Promise.all([eventsOf(tenantA.tenantId), eventsOf(tenantB.tenantId)]);
    const [ofA, ofB] = await Promise.all([trail.recentActivity(tenantA.tenantId, 50), trail.recentActivity(tenantB.tenantId, 50)]);
    const idsOfB = new Set([tenantB.userId, tenantB.apiKeyId]);
    expect(ofA.filter((e) => idsOfB.has(e.entity_id))).toEqual([]);
    expect(ofB.map((e) => e.entity_id)).toEqual(expect.arrayContaining([tenantB.apiKeyId]));
    expect(ofB.map((e) => e.entity_id)).not.toContain(tenantA.apiKeyId);
  });

  it('caps the limit and leaves out events without a uuid resource', async () => {
    const tenantId = randomUUID();
    const base = Date.now() - 60_000;
    for (let i = 0; i < 3; i += 1) {
      await trail.publish(auditEvent({ tenantId, action: `e2e.widget.step-${i}`, occurredAt: new Date(base + i * 1000).toISOString() }));
    }
    await trail.publish(auditEvent({ tenantId, action: 'e2e.widget.unnamed', resourceId: 'not-a-uuid', occurredAt: new Date(base + 5000).toISOString() }));
    await pollUntil(() => trail.rows('tenant_id = $1', [tenantId]), (rows) => rows.length === 4, { timeoutMs: INGEST_MS, what: '4 events to be stored' });
    expect((await trail.recentActivity(tenantId, 2)).map((e) => e.type)).toEqual(['e2e.widget.step-2', 'e2e.widget.step-1']);
    expect((await trail.recentActivity(tenantId, 1000)).map((e) => e.type)).toEqual(['e2e.widget.step-2', 'e2e.widget.step-1', 'e2e.widget.step-0']);
    expect(await trail.recentActivity('not-a-tenant', 5)).toEqual([]);
  });
});
