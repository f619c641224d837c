import { DomainError, ErrorCode } from '@lib/contracts';

import type { PhoneCodeEntity } from './phone-code.entity';
import type { PhoneCodesRepository } from './phone-codes.repository';
import { buildPhoneCodeSeeds } from './phone-codes.seed';
import { PhoneCodesService } from './phone-codes.service';

const SEEDED_AT = new Date('2026-01-15T12:00:00.000Z');

function phoneCodeRows(): PhoneCodeEntity[] {
  return buildPhoneCodeSeeds().map((seed) => ({
    countryCode: seed.country_code,
    iddRoot: seed.idd_root,
    iddSuffixes: seed.idd_suffixes,
    fullCode: seed.full_code,
    metadata: seed.metadata,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  }));
}

describe('PhoneCodesService', () => {
  let repository: { findAll: jest.Mock };
  let service: PhoneCodesService;

  beforeEach(() => {
    repository = { findAll: jest.fn().mockResolvedValue(phoneCodeRows()) };
    service = new PhoneCodesService(repository as unknown as PhoneCodesRepository);
  });

  describe('list', () => {
    it('answers every country with a dialing code, sorted by country name', async () => {
      const { data } = await service.list({});
      const names = data.map((p) => p.metadata.country_name).filter((name) => typeof name === 'string');
      expect(data.length).toBeGreaterThan(240);
      expect(names).toHaveLength(data.length);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
      expect(data.map((p) => p.country_code)).not.toContain('AQ');
    });

    it('searches by country code, name and dialing code', async () => {
      expect((await service.list({ search: 'switz' })).data.map((p) => p.country_code)).toEqual(['CH']);
      expect((await service.list({ search: '+41' })).data.map((p) => p.country_code)).toEqual(['CH']);
      expect((await service.list({ search: 'ch' })).data.map((p) => p.country_code)).toContain('CH');
    });

    it('pages with limit and offset', async () => {
      const all = (await service.list({})).data.map((p) => p.country_code);
      expect((await service.list({ limit: 2, offset: 5 })).data.map((p) => p.country_code)).toEqual(all.slice(5, 7));
    });

    it('keeps every code within the contract patterns', async () => {
      const { data } = await service.list({});
      for (const phoneCode of data) {
        expect(phoneCode.country_code).toMatch(/^[A-Z]{2}$/);
        expect(phoneCode.idd_root).toMatch(/^\+[0-9]{1,4}$/);
        expect(phoneCode.full_code).toMatch(/^\+[0-9]{1,4}$/);
      }
    });
  });

  describe('search', () => {
    it('finds the country of a code with or without +', async () => {
      expect((await service.search('41')).data.map((p) => p.country_code)).toEqual(['CH']);
      expect((await service.search('+41')).data.map((p) => p.country_code)).toEqual(['CH']);
    });

    it('answers the whole North American plan for +1, exact full codes first', async () => {
      const codes = (await service.search('+1')).data.map((p) => p);
      expect(codes.slice(0, 4).map((p) => p.full_code)).toEqual(['+1', '+1', '+1', '+1']);
      expect(codes.map((p) => p.country_code)).toEqual(expect.arrayContaining(['US', 'CA', 'AG', 'JM']));
    });

    it('finds a country by root and suffix (+1268 Antigua) and by a longer code (+35818 Åland)', async () => {
      expect((await service.search('1268')).data.map((p) => p.country_code)).toEqual(['AG']);
      expect((await service.search('+35818')).data.map((p) => p.country_code)).toEqual(['AX']);
      expect((await service.search('+358')).data.map((p) => p.country_code).sort()).toEqual(['AX', 'FI']);
    });

    it('answers an empty list for a code nobody uses', async () => {
      expect((await service.search('+999')).data).toEqual([]);
    });
  });

  describe('get', () => {
    it('answers the contract fields', async () => {
      expect((await service.get('CH')).data).toEqual({
        country_code: 'CH',
        idd_root: '+4',
        idd_suffixes: ['1'],
        full_code: '+41',
        metadata: { country_name: 'Switzerland', region: 'Europe', calling_code: '+41' },
        created_at: '2026-01-15T12:00:00.000Z',
        updated_at: '2026-01-15T12:00:00.000Z',
      });
    });

    it('uses the country calling code when the IDD data lists many suffixes (US) or a long one (AX)', async () => {
      expect((await service.get('US')).data.full_code).toBe('+1');
      expect((await service.get('AX')).data.full_code).toBe('+358');
    });

    it('throws PHONE_CODE_NOT_FOUND (404) for an unknown country or one without a code', async () => {
      for (const country of ['XX', 'AQ']) {
        const error = await service.get(country).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ code: ErrorCode.PhoneCodeNotFound, status: 404 });
      }
    });
  });
});
