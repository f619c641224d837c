import { expectContract, expectErrorEnvelope, gateway } from '@lib/testing';

// Reference data is public and the same for every tenant: no session, no tenant to create.

const LIST = '/api/v1/public/countries/';
const REGIONS = '/api/v1/public/countries/regions';
const ONE = '/api/v1/public/countries/{isoCode}';

interface Country {
  iso_code: string;
  name: string;
  name_local: Record<string, string>;
  metadata: { region: string; languages?: string[] };
}

interface CountryList {
  data: { countries: Country[]; total: number; limit: number; offset: number };
}

describe('GET /api/v1/public/countries/', () => {
  it('lists every country, priority countries first, then by name', async () => {
    const res = await gateway.get<CountryList>('/api/v1/public/countries');
    const { data } = expectContract(res, 'GET', LIST);
    expect(data.total).toBe(250);
    expect(data.offset).toBe(0);
    expect(data.countries.slice(0, 7).map((c) => c.iso_code)).toEqual(['CH', 'DE', 'AT', 'FR', 'IT', 'GB', 'US']);
    const rest = data.countries.slice(7).map((c) => c.name);
    expect(rest).toEqual([...rest].sort(new Intl.Collator('en', { sensitivity: 'base' }).compare));
  });

  it('pages with limit and offset', async () => {
    const all = expectContract(await gateway.get<CountryList>(LIST), 'GET', LIST).data.countries.map((c) => c.iso_code);
    const res = await gateway.get<CountryList>(LIST, { query: { limit: 5, offset: 10 } });
    const { data } = expectContract(res, 'GET', LIST);
    expect(data).toMatchObject({ total: 250, limit: 5, offset: 10 });
    expect(data.countries.map((c) => c.iso_code)).toEqual(all.slice(10, 15));
  });

  it('searches names in any language and filters by region', async () => {
    const bySearch = expectContract(await gateway.get<CountryList>(LIST, { query: { search: 'schweiz' } }), 'GET', LIST);
    expect(bySearch.data.countries.map((c) => c.iso_code)).toEqual(['CH']);
    const europe = expectContract(await gateway.get<CountryList>(LIST, { query: { region: 'Europe' } }), 'GET', LIST);
    expect(europe.data.total).toBeGreaterThan(40);
    expect(europe.data.countries.every((c) => c.metadata.region === 'Europe')).toBe(true);
  });

  it('follows a custom priority', async () => {
    const res = await gateway.get<CountryList>(LIST, { query: { priority: 'th,jp', limit: 3 } });
    expect(expectContract(res, 'GET', LIST).data.countries.map((c) => c.iso_code)).toEqual(['TH', 'JP', 'AF']);
  });

  it('localizes names by language, else by Accept-Language; the query wins', async () => {
    const byHeader = await gateway.get<CountryList>(LIST, { query: { search: 'CH', limit: 1 }, headers: { 'accept-language': 'de-CH,de;q=0.9' } });
    expect(expectContract(byHeader, 'GET', LIST).data.countries[0]).toMatchObject({ iso_code: 'CH', name: 'Schweiz' });
    const byQuery = await gateway.get<CountryList>(LIST, { query: { search: 'CH', limit: 1, language: 'fr' }, headers: { 'accept-language': 'de' } });
    expect(expectContract(byQuery, 'GET', LIST).data.countries[0].name).toBe('Suisse');
  });

  it('refuses malformed filters with 422', async () => {
    for (const query of [{ limit: 0 }, { limit: 501 }, { offset: -1 }, { language: 'deu' }, { priority: 'CHE' }, { unknown: 'x' }]) {
      const res = await gateway.get(LIST, { query });
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
      expectContract(res, 'GET', LIST);
    }
  });
});

describe('GET /api/v1/public/countries/regions', () => {
  it('lists the regions', async () => {
    const res = await gateway.get<{ data: { regions: string[] } }>(REGIONS);
    expect(expectContract(res, 'GET', REGIONS).data.regions).toEqual([
      'Africa',
      'Americas',
      'Antarctic',
      'Asia',
      'Europe',
      'Oceania',
    ]);
  });

  it('refuses query parameters with 422', async () => {
    expectErrorEnvelope(await gateway.get(REGIONS, { query: { region: 'Europe' } }), 422, 'VALIDATION_FAILED');
  });
});

describe('GET /api/v1/public/countries/{isoCode}', () => {
  it('answers one country', async () => {
    const res = await gateway.get<{ data: Country }>('/api/v1/public/countries/CH');
    const { data } = expectContract(res, 'GET', ONE);
    expect(data).toMatchObject({
      iso_code: 'CH',
      name: 'Switzerland',
      name_local: { de: 'Schweiz', fr: 'Suisse', it: 'Svizzera', rm: 'Svizra' },
      metadata: { region: 'Europe', languages: ['de', 'fr', 'it', 'rm', 'en'] },
    });
  });

  it('accepts a lower-case code', async () => {
    const res = await gateway.get<{ data: Country }>('/api/v1/public/countries/th');
    expect(expectContract(res, 'GET', ONE).data.iso_code).toBe('TH');
  });

  it('localizes the name by language or Accept-Language', async () => {
    const byQuery = await gateway.get<{ data: Country }>('/api/v1/public/countries/CH', { query: { language: 'it' } });
    expect(expectContract(byQuery, 'GET', ONE).data.name).toBe('Svizzera');
    const byHeader = await gateway.get<{ data: Country }>('/api/v1/public/countries/DE', { headers: { 'accept-language': 'fr' } });
    expect(expectContract(byHeader, 'GET', ONE).data.name).toBe('Allemagne');
  });

  it('answers 404 COUNTRY_NOT_FOUND for an unknown code', async () => {
    const res = await gateway.get('/api/v1/public/countries/XX');
    expectErrorEnvelope(res, 404, 'COUNTRY_NOT_FOUND');
    expectContract(res, 'GET', ONE);
  });

  it('answers 422 for a malformed code', async () => {
    for (const code of ['CHE', 'C1']) {
      const res = await gateway.get(`/api/v1/public/countries/${code}`);
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
    }
    expectErrorEnvelope(await gateway.get('/api/v1/public/countries/CH', { query: { language: 'german' } }), 422, 'VALIDATION_FAILED');
  });
});
