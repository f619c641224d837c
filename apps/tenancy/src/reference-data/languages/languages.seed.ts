import langs from 'langs';

import type { LanguageMetadata } from './language.entity';

/** A row of `tenancy.languages` as the seed migration inserts it. */
export interface LanguageSeed {
  iso_code_1: string;
  iso_code_2: string | null;
  iso_code_3: string | null;
  name_english: string;
  name_local: string;
  country_code: string | null;
  metadata: LanguageMetadata;
}

/**
 * Languages without an ISO 639-1 code of their own that world-countries lists for a country,
 * mapped to the 639-1 language they are written in (Swiss German names are German names).
 */
const WRITTEN_AS: Record<string, string> = { bar: 'de', fil: 'tl', gsw: 'de', prs: 'fa' };

/**
 * The country whose flag stands for a language. Intl's likely region is used otherwise;
 * English is shown with the British flag, as the contract's example does.
 */
const FLAG_COUNTRY: Record<string, string> = { en: 'GB' };

const scriptNames = new Intl.DisplayNames(['en'], { type: 'script' });

/** ISO 639-2/639-3 code (as world-countries keys its languages) → ISO 639-1, if there is one. */
export function toIso6391(code: string): string | undefined {
  const language = langs.where('3', code) ?? langs.where('2T', code) ?? langs.where('2B', code);
  return language?.['1'] ?? WRITTEN_AS[code];
}

export function buildLanguageSeeds(): LanguageSeed[] {
  return langs
    .all()
    .filter((language) => /^[a-z]{2}$/.test(language['1']))
    .map((language) => ({
      iso_code_1: language['1'],
      iso_code_2: threeLetters(language['2T']),
      iso_code_3: threeLetters(language['3']),
      name_english: language.name,
      name_local: language.local || language.name,
      country_code: flagCountryOf(language['1']),
      metadata: metadataOf(language['1'], language['2T'], language['2B']),
    }));
}

function threeLetters(code: string | undefined): string | null {
  return code && /^[a-z]{3}$/.test(code) ? code : null;
}

function flagCountryOf(code: string): string | null {
  const region = FLAG_COUNTRY[code] ?? likelySubtags(code)?.region;
  return region && /^[A-Z]{2}$/.test(region) ? region : null;
}

function metadataOf(code: string, code2T: string, code2B: string): LanguageMetadata {
  const metadata: LanguageMetadata = {};
  if (code2B && code2B !== code2T) metadata.iso_code_2b = code2B;
  const script = likelySubtags(code)?.script;
  if (script) {
    metadata.script_code = script;
    metadata.script = scriptNames.of(script) ?? script;
  }
  const direction = textDirection(code);
  if (direction) metadata.direction = direction;
  return metadata;
}

function likelySubtags(code: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(code).maximize();
  } catch {
    return undefined;
  }
}

// Intl.Locale#textInfo is in Node 20 but not yet in TypeScript's ES2022 lib.
function textDirection(code: string): 'ltr' | 'rtl' | undefined {
  const info = (likelySubtags(code) as { textInfo?: { direction?: string } } | undefined)?.textInfo;
  return info?.direction === 'rtl' || info?.direction === 'ltr' ? info.direction : undefined;
}
