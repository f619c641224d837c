import { DomainError, ErrorCode, type RequestContext } from '@lib/contracts';

import type { CountriesRepository } from './countries.repository';
import { buildCountrySeeds } from './countries.seed';
import { CountriesService, DEFAULT_COUNTRY_PRIORITY } from './countries.service';
import type { CountryEntity } from './country.entity';

const SEEDED_AT = new Date('2026-01-15T12:00:00.000Z');

function countryRows(): CountryEntity[] {
  return buildCountrySeeds().map((seed) => ({
    isoCode: seed.iso_code,
    cca3: seed.cca3,
    nameAscii: seed.name_ascii,
    nameLocal: seed.name_local,
    translations: seed.translations,
    flagUrl: seed.flag_url,
    currencies: seed.currencies,
    phoneCode: seed.phone_code,
    metadata: seed.metadata,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  }));
}

function context(locale: string | null = null): RequestContext {
  return { requestId: 'req-1', actor: null, tenantId: null, locale, ip: '127.0.0.1', userAgent: null };
}

describe('CountriesService', () => {
  const rows = countryRows();
  let repository: { findAll: jest.Mock };
  let service: CountriesService;

  beforeEach(() => {
    repository = { findAll: jest.fn().mockResolvedValue(rows) };
    service = new CountriesService(repository as unknown as CountriesRepository);
  });

  describe('list', () => {
    it('puts the default priority countries first, then the rest alphabetically', async () => {
      const { data } = await service.list(context(), {});
      const codes = data.countries.map((c) => c.iso_code);
      expect(codes.slice(0, 7)).toEqual(DEFAULT_COUNTRY_PRIORITY);
      const rest = data.countries.slice(7).map((c) => c.name);
      expect(rest).toEqual([...rest].sort(new Intl.Collator('en', { sensitivity: 'base' }).compare));
      expect(data.total).toBe(250);
      expect(data.limit).toBe(500);
      expect(data.offset).toBe(0);
    });

    it('follows a custom priority and ignores unknown codes in it', async () => {
      const { data } = await service.list(context(), { priority: ['TH', 'ZZ', 'JP'] });
      expect(data.countries.slice(0, 3).map((c) => c.iso_code)).toEqual(['TH', 'JP', 'AF']);
    });

    it('sorts without priority when priority is empty', async () => {
      const { data } = await service.list(context(), { priority: [], limit: 2 });
      expect(data.countries.map((c) => c.iso_code)).toEqual(['AF', 'AX']);
    });

    it('finds countries by a name in any language, without diacritics, and by code', async () => {
      const zurich = await service.list(context(), { search: 'schweiz' });
      expect(zurich.data.countries.map((c) => c.iso_code)).toEqual(['CH']);
      const cote = await service.list(context(), { search: 'cote d' });
      expect(cote.data.countries.map((c) => c.iso_code)).toContain('CI');
      const byCca3 = await service.list(context(), { search: 'che' });
      expect(byCca3.data.countries.map((c) => c.iso_code)).toContain('CH');
    });

    it('filters by region or subregion in any case', async () => {
      const europe = await service.list(context(), { region: 'europe' });
      expect(europe.data.countries.every((c) => c.metadata.region === 'Europe')).toBe(true);
      expect(europe.data.countries.map((c) => c.iso_code)).toContain('CH');
      expect(europe.data.countries.map((c) => c.iso_code)).not.toContain('JP');
      const western = await service.list(context(), { region: 'Western Europe' });
      expect(western.data.countries.map((c) => c.iso_code).sort()).toEqual(
        ['BE', 'CH', 'DE', 'FR', 'LI', 'LU', 'MC', 'NL'].sort(),
      );
    });

    it('answers an empty page for a region that does not exist', async () => {
      const { data } = await service.list(context(), { region: 'Atlantis' });
      expect(data).toEqual({ countries: [], total: 0, limit: 500, offset: 0 });
    });

    it('pages with limit and offset and reports the total', async () => {
      const all = (await service.list(context(), {})).data.countries.map((c) => c.iso_code);
      const { data } = await service.list(context(), { limit: 5, offset: 3 });
      expect(data.countries.map((c) => c.iso_code)).toEqual(all.slice(3, 8));
      expect(data).toMatchObject({ total: 250, limit: 5, offset: 3 });
      const beyond = await service.list(context(), { offset: 400 });
      expect(beyond.data.countries).toEqual([]);
    });

    it('localizes names: the language query wins over Accept-Language', async () => {
      const german = await service.list(context('fr'), { language: 'de', search: 'CH' });
      expect(german.data.countries.find((c) => c.iso_code === 'CH')?.name).toBe('Schweiz');
      const french = await service.list(context('fr-CH'), { search: 'schweiz' });
      expect(french.data.countries[0].name).toBe('Suisse');
      const english = await service.list(context(), { search: 'schweiz' });
      expect(english.data.countries[0].name).toBe('Switzerland');
    });

    it('falls back to Accept-Language, then English, for a language without names', async () => {
      const { data } = await service.list(context('it'), { language: 'xx', search: 'schweiz' });
      expect(data.countries[0].name).toBe('Svizzera');
      const english = await service.list(context('xx'), { language: 'yy', search: 'schweiz' });
      expect(english.data.countries[0].name).toBe('Switzerland');
    });

    it('sorts by the localized name', async () => {
      const { data } = await service.list(context(), { language: 'de', priority: [], region: 'Europe' });
      const names = data.countries.map((c) => c.name);
      expect(names).toEqual([...names].sort(new Intl.Collator('de', { sensitivity: 'base' }).compare));
      expect(names.indexOf('Österreich')).toBeGreaterThan(names.indexOf('Niederlande'));
    });

    it('answers the list fields of the contract', async () => {
      const { data } = await service.list(context(), { limit: 1 });
      expect(data.countries[0]).toEqual({
        iso_code: 'CH',
        cca3: 'CHE',
        name_ascii: 'Switzerland',
        name_local: { de: 'Schweiz', fr: 'Suisse', it: 'Svizzera', rm: 'Svizra' },
        flag_url: 'https://flagsapi.com/CH/flat/64.png',
        currencies: ['CHF'],
        phone_code: '+41',
        metadata: {
          region: 'Europe',
          subregion: 'Western Europe',
          capital: 'Bern',
          calling_code: '+41',
          currency_code: 'CHF',
          languages: ['de', 'fr', 'it', 'rm', 'en'],
        },
        created_at: '2026-01-15T12:00:00.000Z',
        updated_at: '2026-01-15T12:00:00.000Z',
        name: 'Switzerland',
      });
    });
  });

  describe('regions', () => {
    it('lists the distinct regions sorted', async () => {
      const { data } = await service.regions();
      expect(data.regions).toEqual(['Africa', 'Americas', 'Antarctic', 'Asia', 'Europe', 'Oceania']);
    });
  });

  describe('get', () => {
    it('answers the country without the list-only fields, localized', async () => {
      const { data } = await service.get(context('de'), 'CH');
      expect(data.name).toBe('Schweiz');
      expect(data).not.toHaveProperty('cca3');
      expect(data).not.toHaveProperty('currencies');
      expect(data).not.toHaveProperty('phone_code');
      expect(data.metadata.languages).toEqual(['de', 'fr', 'it', 'rm', 'en']);
    });

    it('prefers the language query to Accept-Language', async () => {
      const { data } = await service.get(context('de'), 'TH', 'ja');
      expect(data.name).toBe('タイ');
    });

    it('throws COUNTRY_NOT_FOUND (404) for an unknown code', async () => {
      const error = await service.get(context(), 'XX').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: ErrorCode.CountryNotFound, status: 404 });
    });
  });

  describe('languagesOf and currenciesOf', () => {
    it('answers the languages of a country and undefined for an unknown one', async () => {
      expect(await service.languagesOf('CH')).toEqual(['de', 'fr', 'it', 'rm', 'en']);
      expect(await service.languagesOf('XX')).toBeUndefined();
    });

    it('answers the currencies of a country and a 404 for an unknown one', async () => {
      expect(await service.currenciesOf('PA')).toEqual(['PAB', 'USD']);
      expect(await service.currenciesOf('AQ')).toEqual([]);
      await expect(service.currenciesOf('XX')).rejects.toMatchObject({ code: ErrorCode.CountryNotFound });
    });
  });

  describe('cache', () => {
    it('reads the table once', async () => {
      await service.get(context(), 'CH');
      await service.list(context(), {});
      await service.regions();
      expect(repository.findAll).toHaveBeenCalledTimes(1);
    });

    it('reads again after a failed read', async () => {
      repository.findAll.mockRejectedValueOnce(new Error('connection refused'));
      await expect(service.get(context(), 'CH')).rejects.toThrow('connection refused');
      await expect(service.get(context(), 'CH')).resolves.toMatchObject({ data: { iso_code: 'CH' } });
      expect(repository.findAll).toHaveBeenCalledTimes(2);
    });
  });
});
