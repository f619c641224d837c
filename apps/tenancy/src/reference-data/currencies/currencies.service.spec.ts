import { DomainError, ErrorCode } from '@lib/contracts';

import type { CountriesService } from '../countries/countries.service';
import { countryNotFound } from '../countries/countries.service';
import type { CurrenciesRepository } from './currencies.repository';
import { buildCurrencySeeds } from './currencies.seed';
import { CurrenciesService } from './currencies.service';
import type { CurrencyEntity } from './currency.entity';

const SEEDED_AT = new Date('2026-01-15T12:00:00.000Z');

function currencyRows(): CurrencyEntity[] {
  return buildCurrencySeeds().map((seed) => ({ ...seed, createdAt: SEEDED_AT, updatedAt: SEEDED_AT }));
}

const COUNTRY_CURRENCIES: Record<string, string[]> = { AQ: [], CH: ['CHF'], PA: ['PAB', 'USD'] };

describe('CurrenciesService', () => {
  let repository: { findAll: jest.Mock };
  let countries: { currenciesOf: jest.Mock };
  let service: CurrenciesService;

  beforeEach(() => {
    repository = { findAll: jest.fn().mockResolvedValue(currencyRows()) };
    countries = {
      currenciesOf: jest.fn(async (code: string) => {
        if (!(code in COUNTRY_CURRENCIES)) throw countryNotFound(code);
        return COUNTRY_CURRENCIES[code];
      }),
    };
    service = new CurrenciesService(
      repository as unknown as CurrenciesRepository,
      countries as unknown as CountriesService,
    );
  });

  describe('list', () => {
    it('answers every ISO 4217 currency sorted by code', async () => {
      const { data } = await service.list({});
      const codes = data.map((c) => c.code);
      expect(codes.length).toBeGreaterThan(150);
      expect(codes).toEqual([...codes].sort());
      expect(codes).toEqual(expect.arrayContaining(['CHF', 'EUR', 'USD', 'THB']));
    });

    it('answers the contract fields', async () => {
      const { data } = await service.list({ search: 'CHF' });
      expect(data).toEqual([
        {
          code: 'CHF',
          name: 'Swiss Franc',
          symbol: 'CHF',
          metadata: { countries: ['CH', 'LI'], decimal_digits: 2, numeric_code: '756' },
          created_at: '2026-01-15T12:00:00.000Z',
          updated_at: '2026-01-15T12:00:00.000Z',
        },
      ]);
    });

    it('searches the code and the name, in any case', async () => {
      expect((await service.list({ search: 'eur' })).data.map((c) => c.code)).toContain('EUR');
      expect((await service.list({ search: 'franc' })).data.map((c) => c.code)).toEqual(
        expect.arrayContaining(['CHF', 'XAF', 'XOF']),
      );
      expect((await service.list({ search: 'no such money' })).data).toEqual([]);
    });

    it('pages with limit and offset', async () => {
      const all = (await service.list({})).data.map((c) => c.code);
      expect((await service.list({ limit: 3 })).data.map((c) => c.code)).toEqual(all.slice(0, 3));
      expect((await service.list({ limit: 3, offset: 2 })).data.map((c) => c.code)).toEqual(all.slice(2, 5));
      expect((await service.list({ offset: all.length - 1 })).data.map((c) => c.code)).toEqual(all.slice(-1));
    });
  });

  describe('get', () => {
    it('answers one currency', async () => {
      const { data } = await service.get('EUR');
      expect(data).toMatchObject({ code: 'EUR', name: 'Euro', symbol: '€' });
      expect(data.metadata.countries).toEqual(expect.arrayContaining(['DE', 'FR', 'AT']));
    });

    it('throws CURRENCY_NOT_FOUND (404) for an unknown code', async () => {
      const error = await service.get('ABC').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: ErrorCode.CurrencyNotFound, status: 404 });
    });
  });

  describe('listByCountry', () => {
    it("answers the country's currencies, main one first", async () => {
      expect((await service.listByCountry('PA')).data.map((c) => c.code)).toEqual(['PAB', 'USD']);
      expect((await service.listByCountry('CH')).data.map((c) => c.code)).toEqual(['CHF']);
    });

    it('answers an empty list for a country without a currency', async () => {
      expect((await service.listByCountry('AQ')).data).toEqual([]);
    });

    it('throws COUNTRY_NOT_FOUND (404) for an unknown country', async () => {
      await expect(service.listByCountry('XX')).rejects.toMatchObject({ code: ErrorCode.CountryNotFound, status: 404 });
    });
  });

  it('reads the table once', async () => {
    await service.list({});
    await service.get('CHF');
    await service.listByCountry('CH');
    expect(repository.findAll).toHaveBeenCalledTimes(1);
  });
});
