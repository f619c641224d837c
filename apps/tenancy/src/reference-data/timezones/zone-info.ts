/**
 * IANA time zones from the runtime's ICU data (`Intl`), so offsets and DST rules are as current
 * as Node's tz database; no table, nothing to seed.
 */

/**
 * ICU (CLDR) keeps the pre-rename ids as canonical, e.g. `Asia/Calcutta`; IANA has renamed them.
 * The list shows IANA's current names; the old ones are still found.
 */
export const IANA_RENAMES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** `Intl.supportedValuesOf` lists only geographic zones; UTC is what servers and many users pick. */
const EXTRA_ZONES = ['UTC'];

export interface Zone {
  name: string;
  region: string;
  city: string;
}

/** Every zone, by its current IANA name. */
export function allZones(): Zone[] {
  const names = [...Intl.supportedValuesOf('timeZone'), ...EXTRA_ZONES].map((name) => IANA_RENAMES[name] ?? name);
  return [...new Set(names)].map(zoneOf);
}

/** `America/Argentina/Buenos_Aires` → region `America`, city `Buenos Aires`; `UTC` → region `Etc`. */
export function zoneOf(name: string): Zone {
  const parts = name.split('/');
  const region = parts.length > 1 ? parts[0] : 'Etc';
  return { name, region, city: parts[parts.length - 1].replace(/_/g, ' ') };
}

/**
 * The current name of any zone Intl knows, in any case or by an old name
 * (`us/eastern` → `America/New_York`); undefined if it is none.
 */
export function canonicalZoneName(name: string): string | undefined {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return IANA_RENAMES[resolved] ?? resolved;
  } catch {
    return undefined;
  }
}

export interface ZoneOffset {
  /** `GMT+1`, `GMT+5:30`, `GMT-3`, `GMT+0`. */
  offset: string;
  offsetMinutes: number;
  /** `CET`, `EDT`, `IST`; the offset where the zone has no common English abbreviation. */
  abbreviation: string;
}

/**
 * CLDR has an abbreviation for a zone only in locales where it is in common use (EST in en-US,
 * CET in en-GB, IST in en-IN, SAST in en-ZA, JST in ja-JP); elsewhere it writes `GMT+1`.
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-IE', 'en-AU', 'en-IN', 'en-NZ', 'en-CA', 'en-ZA', 'en-SG', 'en-HK', 'ja-JP'];
const ABBREVIATION = /^[A-Z]{2,6}$/;

/**
 * The offset at `date`, so DST-aware: Europe/Zurich is GMT+1 (CET) in January and GMT+2 (CEST)
 * in July. Building Intl formats is the expensive part (about 1 s for all zones and locales), so
 * each zone builds its own once, keeps the abbreviation found for each offset, and remembers its
 * answer for the current minute: offsets only change on a whole minute.
 */
export class ZoneClock {
  private offsetFormat?: Intl.DateTimeFormat;
  private readonly abbreviations = new Map<number, string>();
  private last?: { minute: number; offset: ZoneOffset };

  constructor(readonly name: string) {}

  at(date: Date): ZoneOffset {
    const minute = Math.floor(date.getTime() / 60_000);
    if (this.last?.minute === minute) return this.last.offset;
    this.offsetFormat ??= new Intl.DateTimeFormat('en-US', { timeZone: this.name, timeZoneName: 'shortOffset' });
    const offsetMinutes = parseOffset(zoneNameAt(this.offsetFormat, date));
    const offset = formatOffset(offsetMinutes);
    let abbreviation = this.abbreviations.get(offsetMinutes);
    if (abbreviation === undefined) {
      abbreviation = abbreviationAt(this.name, date) ?? offset;
      this.abbreviations.set(offsetMinutes, abbreviation);
    }
    const result = { offset, offsetMinutes, abbreviation };
    this.last = { minute, offset: result };
    return result;
  }
}

function abbreviationAt(zone: string, date: Date): string | undefined {
  for (const locale of ABBREVIATION_LOCALES) {
    const abbreviation = zoneNameAt(new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }), date);
    if (ABBREVIATION.test(abbreviation)) return abbreviation;
  }
  return undefined;
}

function zoneNameAt(format: Intl.DateTimeFormat, date: Date): string {
  return format.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
}

/** `GMT`, `GMT+1`, `GMT-3:30`, `GMT+13:45` → minutes east of UTC. */
export function parseOffset(text: string): number {
  const match = /^(?:GMT|UTC)(?:([+\-\u2212])(\d{1,2})(?::(\d{2}))?)?$/.exec(text);
  if (!match || !match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '+' ? minutes : -minutes;
}

/** Minutes east of UTC → `GMT+1`, `GMT+5:30`, `GMT-3`, `GMT+0`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offsetMinutes) / 60);
  const minutes = Math.abs(offsetMinutes) % 60;
  return `GMT${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}
