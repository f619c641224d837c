import { expectContract, expectErrorEnvelope, gateway } from '@lib/testing';

import { degradedServices } from '../support/health';
import { SERVICES } from '../support/stack';

const HEALTH = '/api/v1/system/health';

describe('the test stack', () => {
  it('is ready: level=ready answers 200 as the catalogue describes', async () => {
    const res = await gateway.get(HEALTH, { query: { level: 'ready' } });
    expect(res.status).toBe(200);
    expectContract(res, 'GET', HEALTH);
  });

  it('reports every service healthy at level=full', async () => {
    const res = await gateway.get(HEALTH, { query: { level: 'full' } });
    expect(res.status).toBe(200);
    expectContract(res, 'GET', HEALTH);
    expect(res.body.status).not.toBe('degraded');
    expect(degradedServices(res)).toEqual([]);
    expect(Object.keys(res.body.services ?? {})).toEqual(expect.arrayContaining([...SERVICES]));
  });

  it('answers an unknown route with the error envelope', async () => {
    const res = await gateway.get('/api/v1/does-not-exist');
    expectErrorEnvelope(res, 404);
  });
});
