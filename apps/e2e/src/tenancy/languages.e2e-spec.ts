import { expectContract, expectErrorEnvelope, gateway } from '@lib/testing';

const LIST = '/api/v1/public/languages/';
const ONE = '/api/v1/public/languages/{code}';

interface Language {
  iso_code_1: string;
  iso_code_2: string | null;
  iso_code_3: string | null;
  name_english: string;
  name_local: string;
}

interface LanguageList {
  data: { languages: Language[]; total: number; limit: number; offset: number };
}

describe('GET /api/v1/public/languages/', () => {
  it('lists the languages, de, fr, it, es first', async () => {
    const { data } = expectContract(await gateway.get<LanguageList>(LIST), 'GET', LIST);
    expect(data.total).toBeGreaterThan(180);
    expect(data.languages.slice(0, 4).map((l) => l.iso_code_1)).toEqual(['de', 'fr', 'it', 'es']);
  });

  it("puts a country's languages and English first", async () => {
    const res = await gateway.get<LanguageList>(LIST, { query: { countryCode: 'CH', limit: 5 } });
    expect(expectContract(res, 'GET', LIST).data.languages.map((l) => l.iso_code_1)).toEqual(['de', 'fr', 'it', 'rm', 'en']);
    const thai = await gateway.get<LanguageList>(LIST, { query: { countryCode: 'th', limit: 2 } });
    expect(expectContract(thai, 'GET', LIST).data.languages.map((l) => l.iso_code_1)).toEqual(['th', 'en']);
  });

  it('searches and pages', async () => {
    const search = expectContract(await gateway.get<LanguageList>(LIST, { query: { search: 'korean' } }), 'GET', LIST);
    expect(search.data.languages.map((l) => l.iso_code_1)).toEqual(['ko']);
    const paged = expectContract(await gateway.get<LanguageList>(LIST, { query: { limit: 2, offset: 2 } }), 'GET', LIST);
    expect(paged.data).toMatchObject({ limit: 2, offset: 2 });
    expect(paged.data.languages.map((l) => l.iso_code_1)).toEqual(['it', 'es']);
  });

  it('refuses malformed parameters with 422', async () => {
    for (const query of [{ countryCode: 'CHE' }, { limit: 1000 }, { language: 'de' }]) {
      expectErrorEnvelope(await gateway.get(LIST, { query }), 422, 'VALIDATION_FAILED');
    }
  });
});

describe('GET /api/v1/public/languages/{code}', () => {
  it.each(['ko', 'kor', 'KO'])('finds Korean by %s', async (code) => {
    const { data } = expectContract(await gateway.get<{ data: Language }>(`/api/v1/public/languages/${code}`), 'GET', ONE);
    expect(data).toMatchObject({ iso_code_1: 'ko', iso_code_2: 'kor', name_english: 'Korean', name_local: '한국어' });
  });

  it('answers 404 LANGUAGE_NOT_FOUND for an unknown code', async () => {
    const res = await gateway.get('/api/v1/public/languages/qqq');
    expectErrorEnvelope(res, 404, 'LANGUAGE_NOT_FOUND');
    expectContract(res, 'GET', ONE);
  });

  it('answers 422 for a malformed code', async () => {
    for (const code of ['d', 'deut', 'd3']) {
      expectErrorEnvelope(await gateway.get(`/api/v1/public/languages/${code}`), 422, 'VALIDATION_FAILED');
    }
  });
});
