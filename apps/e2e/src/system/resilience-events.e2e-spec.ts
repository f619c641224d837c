import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { Client } from 'pg';

import { expectContract, gateway, pollUntil } from '@lib/testing';

import { ownerOf, TenantSession } from '../tenancy/tenant-session';

// JetStream refusing an audit event after the change is saved: the caller still gets its answer, the event
// waits in the service's outbox (Postgres), and the relay publishes it once the stream takes it again.
// The stream is made to refuse by narrowing its subjects, which keeps it and its consumers intact.

const AUDIT_SUBJECTS = ['events.audit.>'];
const session = new TenantSession();
let nats: NatsConnection;
let streams: JetStreamManager;
const db = new Client({ connectionString: process.env['E2E_DATABASE_URL'] });

beforeAll(async () => {
  nats = await connect({ servers: process.env['E2E_NATS_URL'] as string });
  streams = await nats.jetstreamManager();
  await db.connect();
});

afterAll(async () => {
  await streams.streams.update('AUDIT', { subjects: AUDIT_SUBJECTS });
  await Promise.all([nats.close(), db.end(), session.close()]);
});

const parkedFor = async (tenantId: string) =>
  (await db.query(`SELECT id FROM tenancy.event_outbox WHERE payload->>'resourceId' = $1`, [tenantId])).rows as { id: string }[];

const lastTenantUpdate = async () => {
  const message = await streams.streams.getMessage('AUDIT', { last_by_subj: 'events.audit.tenancy.tenant.updated' }).catch(() => null);
  return message ? (message.json() as { id: string; resourceId: string }) : null;
};

describe('resilience: JetStream refuses audit events', () => {
  it('answers the change, parks its event in the outbox and publishes it once the stream takes it again', async () => {
    const tenant = await session.newTenant('outbox');
    await streams.streams.update('AUDIT', { subjects: ['events.audit.identity.>'] });

    const res = await gateway.patch(`/api/v1/secure/tenants/${tenant.id}`, { settings: { note: 'saved while JetStream refused' } }, { token: ownerOf(tenant) });
    expect(res.status).toBe(200);
    expectContract(res, 'PATCH', '/api/v1/secure/tenants/{id}');
    const [parked] = await parkedFor(tenant.id);
    expect(parked).toBeDefined();

    await streams.streams.update('AUDIT', { subjects: AUDIT_SUBJECTS });
    const published = await pollUntil(lastTenantUpdate, (event) => event?.resourceId === tenant.id, {
      timeoutMs: 20_000,
      what: 'the parked event to reach the AUDIT stream',
    });
    expect(published?.id).toBe(parked?.id);
    expect(await parkedFor(tenant.id)).toEqual([]);
  });
});
