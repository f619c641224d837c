import { expectContract, expectErrorEnvelope, gateway } from '@lib/testing';

const LIST = '/api/v1/public/currencies/';
const BY_COUNTRY = '/api/v1/public/currencies/country/{country}';
const ONE = '/api/v1/public/currencies/{code}';

interface Currency {
  code: string;
  name: string;
  symbol: string | null;
  metadata: { countries: string[]; decimal_digits: number; numeric_code: string };
}

describe('GET /api/v1/public/currencies/', () => {
  it('lists the ISO 4217 currencies sorted by code', async () => {
    const { data } = expectContract(await gateway.get<{ data: Currency[] }>(LIST), 'GET', LIST);
    const codes = data.map((c) => c.code);
    expect(codes.length).toBeGreaterThan(150);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(expect.arrayContaining(['CHF', 'EUR', 'USD']));
  });

  it('searches code and name, and pages', async () => {
    const search = expectContract(await gateway.get<{ data: Currency[] }>(LIST, { query: { search: 'swiss' } }), 'GET', LIST);
    expect(search.data.map((c) => c.code)).toContain('CHF');
    const all = expectContract(await gateway.get<{ data: Currency[] }>(LIST), 'GET', LIST).data.map((c) => c.code);
    const paged = expectContract(await gateway.get<{ data: Currency[] }>(LIST, { query: { limit: 2, offset: 3 } }), 'GET', LIST);
    expect(paged.data.map((c) => c.code)).toEqual(all.slice(3, 5));
  });

  it('refuses malformed parameters with 422', async () => {
    for (const query of [{ limit: 'ten' }, { offset: -5 }, { currency: 'CHF' }]) {
      expectErrorEnvelope(await gateway.get(LIST, { query }), 422, 'VALIDATION_FAILED');
    }
  });
});

describe('GET /api/v1/public/currencies/country/{country}', () => {
  it("answers the country's currencies", async () => {
    const res = await gateway.get<{ data: Currency[] }>('/api/v1/public/currencies/country/CH');
    expect(expectContract(res, 'GET', BY_COUNTRY).data.map((c) => c.code)).toEqual(['CHF']);
    const panama = await gateway.get<{ data: Currency[] }>('/api/v1/public/currencies/country/pa');
    expect(expectContract(panama, 'GET', BY_COUNTRY).data.map((c) => c.code)).toEqual(['PAB', 'USD']);
  });

  it('answers an empty list for a country without a currency', async () => {
    const res = await gateway.get<{ data: Currency[] }>('/api/v1/public/currencies/country/AQ');
    expect(expectContract(res, 'GET', BY_COUNTRY).data).toEqual([]);
  });

  it('answers 404 COUNTRY_NOT_FOUND for an unknown country', async () => {
    const res = await gateway.get('/api/v1/public/currencies/country/XX');
    expectErrorEnvelope(res, 404, 'COUNTRY_NOT_FOUND');
    expectContract(res, 'GET', BY_COUNTRY);
  });

  it('answers 422 for a malformed country code', async () => {
    expectErrorEnvelope(await gateway.get('/api/v1/public/currencies/country/CHE'), 422, 'VALIDATION_FAILED');
  });
});

describe('GET /api/v1/public/currencies/{code}', () => {
  it('answers one currency', async () => {
    const { data } = expectContract(await gateway.get<{ data: Currency }>('/api/v1/public/currencies/CHF'), 'GET', ONE);
    expect(data).toMatchObject({
      code: 'CHF',
      name: 'Swiss Franc',
      symbol: 'CHF',
      metadata: { countries: ['CH', 'LI'], decimal_digits: 2, numeric_code: '756' },
    });
  });

  it('accepts a lower-case code', async () => {
    expect(expectContract(await gateway.get<{ data: Currency }>('/api/v1/public/currencies/eur'), 'GET', ONE).data.code).toBe('EUR');
  });

  it('answers 404 CURRENCY_NOT_FOUND for an unknown code', async () => {
    const res = await gateway.get('/api/v1/public/currencies/ABC');
    expectErrorEnvelope(res, 404, 'CURRENCY_NOT_FOUND');
    expectContract(res, 'GET', ONE);
  });

  it('answers 422 for a malformed code', async () => {
    for (const code of ['CH', 'CHFF', 'C1F']) {
      expectErrorEnvelope(await gateway.get(`/api/v1/public/currencies/${code}`), 422, 'VALIDATION_FAILED');
    }
  });
});
