import { expectContract, expectErrorEnvelope, gateway, pollUntil, type GatewayResponse } from '@lib/testing';

import { degradedServices } from '../support/health';
import { appPids, isRunning, SERVICES, stackServer, type InfraServer } from '../support/stack';

// Stops Postgres, then NATS, under the running stack and checks the platform degrades and recovers
// without restarting any app. The sequencer runs this file last.

const HEALTH = '/api/v1/system/health';
const RECOVERY_MS = 30_000;

const health = (level: 'ready' | 'full') => gateway.get(HEALTH, { query: { level }, timeoutMs: 15_000 });
const readyIs = (status: number) =>
  pollUntil(() => health('ready'), (res) => res.status === status, { timeoutMs: RECOVERY_MS, what: `level=ready to answer ${status}` });

/** Runs `whileDown` with `server` stopped; always starts it again, then waits for readiness. */
async function withServerDown(server: InfraServer, whileDown: () => Promise<void>): Promise<void> {
  const pidsBefore = appPids();
  await readyIs(200);
  await stackServer('stop', server);
  try {
    await whileDown();
  } finally {
    await stackServer('start', server);
  }
  const back = await readyIs(200);
  expectContract(back, 'GET', HEALTH);
  // Recovery came from reconnecting, not from restarts.
  expect(appPids()).toEqual(pidsBefore);
  Object.entries(pidsBefore).forEach(([app, pid]) => expect({ app, running: isRunning(pid) }).toEqual({ app, running: true }));
}

function expectDegraded(full: GatewayResponse, services: readonly string[]): void {
  expect(full.status).toBe(200);
  expectContract(full, 'GET', HEALTH);
  expect(full.body.status).toBe('degraded');
  expect(degradedServices(full)).toEqual(expect.arrayContaining([...services]));
}

describe('resilience', () => {
  it('Postgres down: ready is 503, full is 200 "degraded" naming the services; back to 200 once Postgres returns', async () => {
    await withServerDown('postgres', async () => {
      const ready = await readyIs(503);
      expectErrorEnvelope(ready, 503);
      // Every service keeps its data in Postgres.
      const full = await pollUntil(() => health('full'), (res) => degradedServices(res).length >= SERVICES.length, {
        timeoutMs: 15_000,
        what: 'level=full to list every service as degraded',
      });
      expectDegraded(full, SERVICES);
    });
  }, 120_000);

  it('NATS down: ready is 503, reference data answers 503, full is 200 "degraded"; back to 200 once NATS returns', async () => {
    await withServerDown('nats', async () => {
      const ready = await readyIs(503);
      expectErrorEnvelope(ready, 503);
      expectErrorEnvelope(await gateway.get('/api/v1/public/countries/CH'), 503);
      const full = await health('full');
      expectDegraded(full, SERVICES);
    });
    const country = await pollUntil(() => gateway.get('/api/v1/public/countries/CH'), (res) => res.status !== 503, {
      timeoutMs: RECOVERY_MS,
      what: 'GET /api/v1/public/countries/CH to answer again',
    });
    expect(country.status).toBe(200);
  }, 120_000);
});
