import { gateway, pollUntil } from '@lib/testing';

import { stackServer } from '../support/stack';
import { auditEvent, AuditTrail } from './audit-trail';

// Postgres stops under the running audit service while events keep arriving in the stream AUDIT:
// nothing is lost, and the consumer stores them by itself once Postgres is back (no restart).
// Named resilience-* so that the sequencer runs it with the other specs that stop infrastructure.

const RECOVERY_MS = 30_000;
const OUTAGE_MS = 4000;
const trail = new AuditTrail();
afterAll(() => trail.close());

const readyIs = (status: number) =>
  pollUntil(() => gateway.get('/api/v1/system/health', { query: { level: 'ready' }, timeoutMs: 15_000 }), (res) => res.status === status, {
    timeoutMs: RECOVERY_MS,
    what: `level=ready to answer ${status}`,
  });

describe('audit ingestion resilience', () => {
  it('Postgres down: events wait in the stream unacknowledged and are stored once Postgres returns', async () => {
    await readyIs(200);
    const tenantId = auditEvent()['tenantId'] as string;
    const events = Array.from({ length: 5 }, (_, i) => auditEvent({ tenantId, action: `e2e.outage.event-${i}` }));
    await stackServer('stop', 'postgres');
    try {
      await readyIs(503);
      for (const event of events) await trail.publish(event);
      await pollUntil(() => trail.consumerInfo('AUDIT', 'audit-ingest'), (info) => info.num_ack_pending > 0, {
        timeoutMs: 10_000,
        what: 'the consumer to take the events',
      });
      // Long enough for the pull to end (1 s) and for inserts to fail: the events must stay unacknowledged.
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      const waiting = await trail.consumerInfo('AUDIT', 'audit-ingest');
      expect(waiting.num_ack_pending + waiting.num_pending).toBeGreaterThanOrEqual(events.length);
    } finally {
      await stackServer('start', 'postgres');
    }
    const rows = await pollUntil(() => trail.rows('tenant_id = $1', [tenantId]), (found) => found.length === events.length, {
      timeoutMs: RECOVERY_MS,
      what: 'the events published during the outage to be stored',
    });
    expect(rows.map((r) => r.action).sort()).toEqual(events.map((e) => e['action']).sort());
    const settled = await pollUntil(() => trail.consumerInfo('AUDIT', 'audit-ingest'), (info) => info.num_ack_pending === 0 && info.num_pending === 0, {
      timeoutMs: RECOVERY_MS,
      what: 'every message of AUDIT to be acknowledged',
    });
    expect(settled.num_redelivered).toBe(0);
    await readyIs(200);
  }, 120_000);
});
