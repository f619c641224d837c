import { DomainError, ErrorCode } from '@lib/contracts';

import type { CountriesService } from '../countries/countries.service';
import type { LanguageEntity } from './language.entity';
import type { LanguagesRepository } from './languages.repository';
import { buildLanguageSeeds } from './languages.seed';
import { LanguagesService } from './languages.service';

const SEEDED_AT = new Date('2026-01-15T12:00:00.000Z');

function languageRows(): LanguageEntity[] {
  return buildLanguageSeeds().map((seed) => ({
    isoCode1: seed.iso_code_1,
    isoCode2: seed.iso_code_2,
    isoCode3: seed.iso_code_3,
    nameEnglish: seed.name_english,
    nameLocal: seed.name_local,
    countryCode: seed.country_code,
    metadata: seed.metadata,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  }));
}

const COUNTRY_LANGUAGES: Record<string, string[]> = {
  CH: ['de', 'fr', 'it', 'rm', 'en'],
  TH: ['th', 'en'],
  US: ['en'],
};

describe('LanguagesService', () => {
  let repository: { findAll: jest.Mock };
  let service: LanguagesService;

  beforeEach(() => {
    repository = { findAll: jest.fn().mockResolvedValue(languageRows()) };
    const countries = { languagesOf: jest.fn(async (code: string) => COUNTRY_LANGUAGES[code]) };
    service = new LanguagesService(
      repository as unknown as LanguagesRepository,
      countries as unknown as CountriesService,
    );
  });

  describe('list', () => {
    it('puts de, fr, it, es first, then the rest by English name', async () => {
      const { data } = await service.list({});
      const codes = data.languages.map((l) => l.iso_code_1);
      expect(codes.slice(0, 4)).toEqual(['de', 'fr', 'it', 'es']);
      const rest = data.languages.slice(4).map((l) => l.name_english);
      expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b, 'en')));
      expect(data).toMatchObject({ total: 184, limit: 500, offset: 0 });
    });

    it("puts the country's languages and English first: CH → de, fr, it, rm, en", async () => {
      const { data } = await service.list({ countryCode: 'CH' });
      expect(data.languages.slice(0, 6).map((l) => l.iso_code_1)).toEqual(['de', 'fr', 'it', 'rm', 'en', 'es']);
    });

    it('TH → th, en, then the default priority', async () => {
      const { data } = await service.list({ countryCode: 'TH' });
      expect(data.languages.slice(0, 6).map((l) => l.iso_code_1)).toEqual(['th', 'en', 'de', 'fr', 'it', 'es']);
    });

    it('keeps the default priority for a country it does not know', async () => {
      const { data } = await service.list({ countryCode: 'XX' });
      expect(data.languages.slice(0, 4).map((l) => l.iso_code_1)).toEqual(['de', 'fr', 'it', 'es']);
    });

    it('searches codes, English and native names without diacritics', async () => {
      expect((await service.list({ search: 'deutsch' })).data.languages.map((l) => l.iso_code_1)).toEqual(['de']);
      expect((await service.list({ search: 'KOREAN' })).data.languages.map((l) => l.iso_code_1)).toEqual(['ko']);
      expect((await service.list({ search: 'francais' })).data.languages.map((l) => l.iso_code_1)).toContain('fr');
      expect((await service.list({ search: 'zzzz' })).data).toEqual({ languages: [], total: 0, limit: 500, offset: 0 });
    });

    it('pages with limit and offset and keeps the total', async () => {
      const { data } = await service.list({ limit: 2, offset: 1 });
      expect(data.languages.map((l) => l.iso_code_1)).toEqual(['fr', 'it']);
      expect(data).toMatchObject({ total: 184, limit: 2, offset: 1 });
    });
  });

  describe('get', () => {
    it.each([['ko'], ['kor'], ['KO']])('finds Korean by %s', async (code) => {
      const { data } = await service.get(code);
      expect(data).toMatchObject({ iso_code_1: 'ko', iso_code_2: 'kor', iso_code_3: 'kor', name_english: 'Korean' });
      expect(data.name_local).toBe('한국어');
    });

    it('finds German by its 639-2/B code too', async () => {
      expect((await service.get('ger')).data.iso_code_1).toBe('de');
      expect((await service.get('deu')).data.iso_code_1).toBe('de');
    });

    it('answers the contract fields', async () => {
      const { data } = await service.get('en');
      expect(data).toEqual({
        iso_code_1: 'en',
        iso_code_2: 'eng',
        iso_code_3: 'eng',
        name_english: 'English',
        name_local: 'English',
        country_code: 'GB',
        metadata: { script_code: 'Latn', script: 'Latin', direction: 'ltr' },
        created_at: '2026-01-15T12:00:00.000Z',
        updated_at: '2026-01-15T12:00:00.000Z',
      });
    });

    it('throws LANGUAGE_NOT_FOUND (404) for an unknown code', async () => {
      const error = await service.get('qqq').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: ErrorCode.LanguageNotFound, status: 404 });
    });
  });
});
