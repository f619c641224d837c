import { expectContract, expectErrorEnvelope, gateway } from '@lib/testing';

const LIST = '/api/v1/public/timezones/';
const REGIONS = '/api/v1/public/timezones/regions';
const ONE = '/api/v1/public/timezones/{name}';

interface Timezone {
  name: string;
  offset: string;
  offsetMinutes: number;
  region: string;
  city: string;
  abbreviation: string;
}

interface TimezoneList {
  data: { timezones: Timezone[]; total: number; limit: number; offset: number };
}

/** What Intl says now, to compare with without depending on the date the tests run. */
function zurichOffsetNow(): number {
  const text = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Zurich', timeZoneName: 'shortOffset' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName')?.value;
  return text === 'GMT+2' ? 120 : 60;
}

describe('GET /api/v1/public/timezones/', () => {
  it('lists the zones, priority zones first', async () => {
    const { data } = expectContract(await gateway.get<TimezoneList>(LIST), 'GET', LIST);
    expect(data.total).toBeGreaterThan(400);
    expect(data.timezones.slice(0, 4).map((t) => t.name)).toEqual([
      'Europe/Zurich',
      'Europe/Berlin',
      'Europe/Paris',
      'Europe/London',
    ]);
    expect(data.timezones[0].offsetMinutes).toBe(zurichOffsetNow());
  });

  it('filters by region and searches', async () => {
    const europe = expectContract(await gateway.get<TimezoneList>(LIST, { query: { region: 'europe' } }), 'GET', LIST);
    expect(europe.data.timezones.every((t) => t.region === 'Europe')).toBe(true);
    const search = expectContract(await gateway.get<TimezoneList>(LIST, { query: { search: 'new york' } }), 'GET', LIST);
    expect(search.data.timezones.map((t) => t.name)).toEqual(['America/New_York']);
  });

  it('pages with limit and offset', async () => {
    const { data } = expectContract(await gateway.get<TimezoneList>(LIST, { query: { limit: 2, offset: 1 } }), 'GET', LIST);
    expect(data).toMatchObject({ limit: 2, offset: 1 });
    expect(data.timezones.map((t) => t.name)).toEqual(['Europe/Berlin', 'Europe/Paris']);
  });

  it('refuses malformed parameters with 422', async () => {
    for (const query of [{ limit: 501 }, { offset: 'x' }, { zone: 'Europe' }]) {
      expectErrorEnvelope(await gateway.get(LIST, { query }), 422, 'VALIDATION_FAILED');
    }
  });
});

describe('GET /api/v1/public/timezones/regions', () => {
  it('lists the regions', async () => {
    const { data } = expectContract(await gateway.get<{ data: string[] }>(REGIONS), 'GET', REGIONS);
    expect(data).toEqual(expect.arrayContaining(['Africa', 'America', 'Asia', 'Europe', 'Pacific']));
    expect(data).toEqual([...data].sort());
  });
});

describe('GET /api/v1/public/timezones/{name}', () => {
  it('answers one zone with its current offset (name URL-encoded)', async () => {
    const res = await gateway.get<{ data: Timezone }>('/api/v1/public/timezones/Europe%2FZurich');
    const { data } = expectContract(res, 'GET', ONE);
    const minutes = zurichOffsetNow();
    expect(data).toEqual({
      name: 'Europe/Zurich',
      offset: minutes === 120 ? 'GMT+2' : 'GMT+1',
      offsetMinutes: minutes,
      region: 'Europe',
      city: 'Zurich',
      abbreviation: minutes === 120 ? 'CEST' : 'CET',
    });
  });

  it('finds zones in any case and by old names', async () => {
    const lower = await gateway.get<{ data: Timezone }>('/api/v1/public/timezones/america%2Fnew_york');
    expect(expectContract(lower, 'GET', ONE).data.name).toBe('America/New_York');
    const old = await gateway.get<{ data: Timezone }>('/api/v1/public/timezones/Asia%2FCalcutta');
    expect(expectContract(old, 'GET', ONE).data).toMatchObject({ name: 'Asia/Kolkata', offset: 'GMT+5:30' });
    const utc = await gateway.get<{ data: Timezone }>('/api/v1/public/timezones/UTC');
    expect(expectContract(utc, 'GET', ONE).data).toMatchObject({ name: 'UTC', offsetMinutes: 0 });
  });

  it('answers 404 TIMEZONE_NOT_FOUND for an unknown name', async () => {
    const res = await gateway.get('/api/v1/public/timezones/Mars%2FOlympus_Mons');
    expectErrorEnvelope(res, 404, 'TIMEZONE_NOT_FOUND');
    expectContract(res, 'GET', ONE);
  });

  it('answers 422 for a malformed name', async () => {
    expectErrorEnvelope(await gateway.get('/api/v1/public/timezones/Europe%2FZ%C3%BCrich'), 422, 'VALIDATION_FAILED');
    expectErrorEnvelope(await gateway.get(`/api/v1/public/timezones/${'A'.repeat(65)}`), 422, 'VALIDATION_FAILED');
  });
});
