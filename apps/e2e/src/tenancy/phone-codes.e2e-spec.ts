import { expectContract, expectErrorEnvelope, gateway } from '@lib/testing';

const LIST = '/api/v1/public/phone-codes/';
const SEARCH = '/api/v1/public/phone-codes/search';
const ONE = '/api/v1/public/phone-codes/{country}';

interface PhoneCode {
  country_code: string;
  idd_root: string;
  idd_suffixes: string[] | null;
  full_code: string;
  metadata: { country_name: string; region: string };
}

describe('GET /api/v1/public/phone-codes/', () => {
  it('lists the dialing codes by country name', async () => {
    const { data } = expectContract(await gateway.get<{ data: PhoneCode[] }>(LIST), 'GET', LIST);
    expect(data.length).toBeGreaterThan(240);
    const names = data.map((p) => p.metadata.country_name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('searches and pages', async () => {
    const search = expectContract(await gateway.get<{ data: PhoneCode[] }>(LIST, { query: { search: 'switzerland' } }), 'GET', LIST);
    expect(search.data.map((p) => p.full_code)).toEqual(['+41']);
    const all = expectContract(await gateway.get<{ data: PhoneCode[] }>(LIST), 'GET', LIST).data.map((p) => p.country_code);
    const paged = expectContract(await gateway.get<{ data: PhoneCode[] }>(LIST, { query: { limit: 3, offset: 1 } }), 'GET', LIST);
    expect(paged.data.map((p) => p.country_code)).toEqual(all.slice(1, 4));
  });

  it('refuses malformed parameters with 422', async () => {
    expectErrorEnvelope(await gateway.get(LIST, { query: { limit: 0 } }), 422, 'VALIDATION_FAILED');
  });
});

describe('GET /api/v1/public/phone-codes/search', () => {
  it('finds the country of a code, with or without +', async () => {
    for (const code of ['41', '+41']) {
      const res = await gateway.get<{ data: PhoneCode[] }>(SEARCH, { query: { code } });
      expect(expectContract(res, 'GET', SEARCH).data.map((p) => p.country_code)).toEqual(['CH']);
    }
  });

  it('answers every country of the North American plan for +1', async () => {
    const res = await gateway.get<{ data: PhoneCode[] }>(SEARCH, { query: { code: '+1' } });
    expect(expectContract(res, 'GET', SEARCH).data.map((p) => p.country_code)).toEqual(expect.arrayContaining(['US', 'CA', 'JM']));
  });

  it('answers an empty list for an unused code', async () => {
    const res = await gateway.get<{ data: PhoneCode[] }>(SEARCH, { query: { code: '999' } });
    expect(expectContract(res, 'GET', SEARCH).data).toEqual([]);
  });

  it('answers 422 without a code or with a malformed one', async () => {
    expectErrorEnvelope(await gateway.get(SEARCH), 422, 'VALIDATION_FAILED');
    for (const code of ['abc', '+1234567', '++41']) {
      expectErrorEnvelope(await gateway.get(SEARCH, { query: { code } }), 422, 'VALIDATION_FAILED');
    }
  });
});

describe('GET /api/v1/public/phone-codes/{country}', () => {
  it('answers the code of one country', async () => {
    const { data } = expectContract(await gateway.get<{ data: PhoneCode }>('/api/v1/public/phone-codes/CH'), 'GET', ONE);
    expect(data).toMatchObject({ country_code: 'CH', idd_root: '+4', idd_suffixes: ['1'], full_code: '+41' });
    const us = expectContract(await gateway.get<{ data: PhoneCode }>('/api/v1/public/phone-codes/us'), 'GET', ONE);
    expect(us.data.full_code).toBe('+1');
  });

  it('answers 404 PHONE_CODE_NOT_FOUND for an unknown country', async () => {
    const res = await gateway.get('/api/v1/public/phone-codes/XX');
    expectErrorEnvelope(res, 404, 'PHONE_CODE_NOT_FOUND');
    expectContract(res, 'GET', ONE);
  });

  it('answers 422 for a malformed country code', async () => {
    expectErrorEnvelope(await gateway.get('/api/v1/public/phone-codes/CHE'), 422, 'VALIDATION_FAILED');
  });
});
