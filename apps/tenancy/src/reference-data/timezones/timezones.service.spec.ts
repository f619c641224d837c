import { DomainError, ErrorCode } from '@lib/contracts';

import type { Clock } from '../common/clock';
import { PRIORITY_TIMEZONES, TimezonesService } from './timezones.service';
import { formatOffset, parseOffset } from './zone-info';

const JANUARY = new Date('2026-01-15T12:00:00Z');
const JULY = new Date('2026-07-15T12:00:00Z');

function serviceAt(date: Date): TimezonesService {
  const clock: Clock = { now: () => date };
  return new TimezonesService(clock);
}

describe('TimezonesService', () => {
  describe('offsets (DST-aware)', () => {
    it('Europe/Zurich is GMT+1 (CET) in January and GMT+2 (CEST) in July', () => {
      expect(serviceAt(JANUARY).get('Europe/Zurich').data).toEqual({
        name: 'Europe/Zurich',
        offset: 'GMT+1',
        offsetMinutes: 60,
        region: 'Europe',
        city: 'Zurich',
        abbreviation: 'CET',
      });
      expect(serviceAt(JULY).get('Europe/Zurich').data).toMatchObject({
        offset: 'GMT+2',
        offsetMinutes: 120,
        abbreviation: 'CEST',
      });
    });

    it('America/New_York is EST in January and EDT in July', () => {
      expect(serviceAt(JANUARY).get('America/New_York').data).toMatchObject({
        offset: 'GMT-5',
        offsetMinutes: -300,
        abbreviation: 'EST',
        city: 'New York',
      });
      expect(serviceAt(JULY).get('America/New_York').data).toMatchObject({ offsetMinutes: -240, abbreviation: 'EDT' });
    });

    it('handles half and quarter hours and southern-hemisphere DST', () => {
      expect(serviceAt(JULY).get('Asia/Kolkata').data).toMatchObject({ offset: 'GMT+5:30', offsetMinutes: 330, abbreviation: 'IST' });
      expect(serviceAt(JULY).get('Asia/Kathmandu').data).toMatchObject({ offset: 'GMT+5:45', offsetMinutes: 345 });
      expect(serviceAt(JANUARY).get('Australia/Sydney').data).toMatchObject({ offsetMinutes: 660, abbreviation: 'AEDT' });
      expect(serviceAt(JULY).get('Australia/Sydney').data).toMatchObject({ offsetMinutes: 600, abbreviation: 'AEST' });
      expect(serviceAt(JULY).get('America/St_Johns').data).toMatchObject({ offset: 'GMT-2:30', offsetMinutes: -150 });
    });

    it('falls back to the offset where a zone has no English abbreviation', () => {
      expect(serviceAt(JULY).get('Asia/Bangkok').data).toMatchObject({ offset: 'GMT+7', abbreviation: 'GMT+7' });
      expect(serviceAt(JULY).get('Asia/Tokyo').data).toMatchObject({ offset: 'GMT+9', abbreviation: 'JST' });
    });

    it('follows the clock: the same service answers differently across a DST change', () => {
      let now = new Date('2026-03-29T00:59:00Z');
      const service = new TimezonesService({ now: () => now });
      expect(service.get('Europe/Zurich').data.offsetMinutes).toBe(60);
      now = new Date('2026-03-29T01:00:00Z');
      expect(service.get('Europe/Zurich').data.offsetMinutes).toBe(120);
    });
  });

  describe('list', () => {
    const service = serviceAt(JANUARY);

    it('puts the priority zones first, then by region and city', () => {
      const { data } = service.list({});
      const names = data.timezones.map((t) => t.name);
      expect(names.slice(0, PRIORITY_TIMEZONES.length)).toEqual(PRIORITY_TIMEZONES);
      const rest = data.timezones.slice(PRIORITY_TIMEZONES.length);
      const keys = rest.map((t) => `${t.region}\u0000${t.city}`);
      expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
      expect(data.total).toBeGreaterThan(400);
      expect(data.total).toBeLessThanOrEqual(500);
      expect(data).toMatchObject({ limit: 500, offset: 0 });
    });

    it('lists current IANA names and UTC', () => {
      const names = service.list({}).data.timezones.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Europe/Kyiv', 'UTC']));
      expect(names).not.toContain('Asia/Calcutta');
      expect(new Set(names).size).toBe(names.length);
    });

    it('filters by region in any case', () => {
      const { data } = service.list({ region: 'europe' });
      expect(data.timezones.every((t) => t.region === 'Europe')).toBe(true);
      expect(data.timezones[0].name).toBe('Europe/Zurich');
      expect(service.list({ region: 'Atlantis' }).data.total).toBe(0);
    });

    it('searches the name and the city, with spaces for underscores and without diacritics', () => {
      expect(service.list({ search: 'new york' }).data.timezones.map((t) => t.name)).toEqual(['America/New_York']);
      expect(service.list({ search: 'ZURICH' }).data.timezones.map((t) => t.name)).toEqual(['Europe/Zurich']);
      expect(service.list({ search: 'buenos' }).data.timezones.map((t) => t.name)).toEqual([
        'America/Argentina/Buenos_Aires',
      ]);
    });

    it('pages with limit and offset and computes offsets for the page', () => {
      const { data } = service.list({ limit: 3, offset: 1 });
      expect(data.timezones.map((t) => t.name)).toEqual(PRIORITY_TIMEZONES.slice(1, 4));
      expect(data.timezones[0]).toMatchObject({ offset: 'GMT+1', abbreviation: 'CET' });
      expect(data).toMatchObject({ limit: 3, offset: 1 });
    });
  });

  describe('regions', () => {
    it('lists the sorted regions', () => {
      expect(serviceAt(JANUARY).regions().data).toEqual([
        'Africa',
        'America',
        'Antarctica',
        'Arctic',
        'Asia',
        'Atlantic',
        'Australia',
        'Etc',
        'Europe',
        'Indian',
        'Pacific',
      ]);
    });
  });

  describe('get', () => {
    const service = serviceAt(JANUARY);

    it('finds a zone in any case, by an old name or by a link', () => {
      expect(service.get('europe/zurich').data.name).toBe('Europe/Zurich');
      expect(service.get('Asia/Calcutta').data.name).toBe('Asia/Kolkata');
      expect(service.get('US/Eastern').data.name).toBe('America/New_York');
    });

    it('answers a valid zone that is not listed', () => {
      expect(service.get('Etc/GMT+5').data).toMatchObject({ name: 'Etc/GMT+5', region: 'Etc', offsetMinutes: -300 });
    });

    it('throws TIMEZONE_NOT_FOUND (404) for an unknown name', () => {
      let error: unknown;
      try {
        service.get('Mars/Olympus_Mons');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: ErrorCode.TimezoneNotFound, status: 404 });
    });
  });
});

describe('offset text', () => {
  it.each([
    ['GMT', 0],
    ['GMT+1', 60],
    ['GMT-3:30', -210],
    ['GMT+13:45', 825],
    ['GMT\u22125', -300],
  ])('parses %s', (text, minutes) => {
    expect(parseOffset(text)).toBe(minutes);
  });

  it.each([
    [0, 'GMT+0'],
    [60, 'GMT+1'],
    [-210, 'GMT-3:30'],
    [345, 'GMT+5:45'],
  ])('formats %d minutes', (minutes, text) => {
    expect(formatOffset(minutes)).toBe(text);
  });
});
