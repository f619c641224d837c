import type { RequestContext } from '@lib/contracts';
import { expectContract, type GatewayResponse } from '@lib/testing';

import type { Clock } from './common/clock';
import type { CountriesRepository } from './countries/countries.repository';
import { buildCountrySeeds } from './countries/countries.seed';
import { CountriesService } from './countries/countries.service';
import type { CurrenciesRepository } from './currencies/currencies.repository';
import { buildCurrencySeeds } from './currencies/currencies.seed';
import { CurrenciesService } from './currencies/currencies.service';
import type { LanguagesRepository } from './languages/languages.repository';
import { buildLanguageSeeds } from './languages/languages.seed';
import { LanguagesService } from './languages/languages.service';
import type { PhoneCodesRepository } from './phone-codes/phone-codes.repository';
import { buildPhoneCodeSeeds } from './phone-codes/phone-codes.seed';
import { PhoneCodesService } from './phone-codes/phone-codes.service';
import { TimezonesService } from './timezones/timezones.service';

// Every answer of the 14 endpoints, built from the real seed data, checked against the catalogue's
// response schemas: patterns (ISO codes, dialing codes), required fields, no extra fields.

const SEEDED_AT = new Date('2026-01-15T12:00:00.000Z');
const stamps = { createdAt: SEEDED_AT, updatedAt: SEEDED_AT };
const context: RequestContext = { requestId: 'r', actor: null, tenantId: null, locale: 'de', ip: '127.0.0.1', userAgent: null };

function ok(path: string, body: unknown): GatewayResponse {
  return { method: 'GET', path, status: 200, headers: {}, body, text: JSON.stringify(body) };
}

function repositoryOf<T>(rows: T[]) {
  return { findAll: async () => rows };
}

const countries = new CountriesService(
  repositoryOf(
    buildCountrySeeds().map((s) => ({
      isoCode: s.iso_code,
      cca3: s.cca3,
      nameAscii: s.name_ascii,
      nameLocal: s.name_local,
      translations: s.translations,
      flagUrl: s.flag_url,
      currencies: s.currencies,
      phoneCode: s.phone_code,
      metadata: s.metadata,
      ...stamps,
    })),
  ) as unknown as CountriesRepository,
);
const currencies = new CurrenciesService(
  repositoryOf(buildCurrencySeeds().map((s) => ({ ...s, ...stamps }))) as unknown as CurrenciesRepository,
  countries,
);
const languages = new LanguagesService(
  repositoryOf(
    buildLanguageSeeds().map((s) => ({
      isoCode1: s.iso_code_1,
      isoCode2: s.iso_code_2,
      isoCode3: s.iso_code_3,
      nameEnglish: s.name_english,
      nameLocal: s.name_local,
      countryCode: s.country_code,
      metadata: s.metadata,
      ...stamps,
    })),
  ) as unknown as LanguagesRepository,
  countries,
);
const phoneCodes = new PhoneCodesService(
  repositoryOf(
    buildPhoneCodeSeeds().map((s) => ({
      countryCode: s.country_code,
      iddRoot: s.idd_root,
      iddSuffixes: s.idd_suffixes,
      fullCode: s.full_code,
      metadata: s.metadata,
      ...stamps,
    })),
  ) as unknown as PhoneCodesRepository,
);
const clock: Clock = { now: () => new Date('2026-07-15T12:00:00Z') };
const timezones = new TimezonesService(clock);

describe('reference data answers match the catalogue schemas', () => {
  it('GET /countries/ (all, every language)', async () => {
    for (const language of ['en', 'de', 'fr', 'ja', 'ar', 'rm']) {
      const body = await countries.list(context, { language });
      expect(body.data.countries).toHaveLength(250);
      expectContract(ok('/api/v1/public/countries/', body), 'GET', '/api/v1/public/countries/');
    }
  });

  it('GET /countries/regions', async () => {
    expectContract(ok('/api/v1/public/countries/regions', await countries.regions()), 'GET', '/api/v1/public/countries/regions');
  });

  it('GET /countries/{isoCode} for every country', async () => {
    for (const seed of buildCountrySeeds()) {
      const body = await countries.get(context, seed.iso_code);
      expectContract(ok(`/api/v1/public/countries/${seed.iso_code}`, body), 'GET', '/api/v1/public/countries/{isoCode}');
    }
  });

  it('GET /currencies/, /currencies/{code} and /currencies/country/{country}', async () => {
    expectContract(ok('/api/v1/public/currencies/', await currencies.list({})), 'GET', '/api/v1/public/currencies/');
    for (const seed of buildCurrencySeeds()) {
      const body = await currencies.get(seed.code);
      expectContract(ok(`/api/v1/public/currencies/${seed.code}`, body), 'GET', '/api/v1/public/currencies/{code}');
    }
    for (const seed of buildCountrySeeds()) {
      const body = await currencies.listByCountry(seed.iso_code);
      expectContract(ok('/api/v1/public/currencies/country/x', body), 'GET', '/api/v1/public/currencies/country/{country}');
    }
  });

  it('GET /languages/ and /languages/{code}', async () => {
    const list = await languages.list({ countryCode: 'CH' });
    expectContract(ok('/api/v1/public/languages/', list), 'GET', '/api/v1/public/languages/');
    for (const language of list.data.languages) {
      const body = await languages.get(language.iso_code_1);
      expectContract(ok(`/api/v1/public/languages/${language.iso_code_1}`, body), 'GET', '/api/v1/public/languages/{code}');
    }
  });

  it('GET /phone-codes/, /phone-codes/search and /phone-codes/{country}', async () => {
    const list = await phoneCodes.list({});
    expectContract(ok('/api/v1/public/phone-codes/', list), 'GET', '/api/v1/public/phone-codes/');
    expectContract(ok('/api/v1/public/phone-codes/search', await phoneCodes.search('+1')), 'GET', '/api/v1/public/phone-codes/search');
    for (const phoneCode of list.data) {
      const body = await phoneCodes.get(phoneCode.country_code);
      expectContract(ok(`/api/v1/public/phone-codes/${phoneCode.country_code}`, body), 'GET', '/api/v1/public/phone-codes/{country}');
    }
  });

  it('GET /timezones/, /timezones/regions and /timezones/{name}', () => {
    const list = timezones.list({});
    expectContract(ok('/api/v1/public/timezones/', list), 'GET', '/api/v1/public/timezones/');
    expectContract(ok('/api/v1/public/timezones/regions', timezones.regions()), 'GET', '/api/v1/public/timezones/regions');
    for (const zone of list.data.timezones) {
      expectContract(ok(`/api/v1/public/timezones/${zone.name}`, timezones.get(zone.name)), 'GET', '/api/v1/public/timezones/{name}');
    }
  });
});
