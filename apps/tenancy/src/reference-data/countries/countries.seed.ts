import { getName, getSupportedLanguages } from 'i18n-iso-countries';
import countries, { type Country } from 'world-countries';

import { toAscii } from '../common/search-text';
import { isIso4217 } from '../currencies/currencies.seed';
import { toIso6391 } from '../languages/languages.seed';
import { dialingCodeOf } from '../phone-codes/phone-codes.seed';
import type { CountryMetadata } from './country.entity';

/** A row of `tenancy.countries` as the seed migration inserts it. */
export interface CountrySeed {
  iso_code: string;
  cca3: string | null;
  name_ascii: string;
  name_local: Record<string, string>;
  translations: Record<string, string>;
  flag_url: string;
  currencies: string[];
  phone_code: string | null;
  metadata: CountryMetadata;
}

export function buildCountrySeeds(): CountrySeed[] {
  return countries
    .filter((country) => /^[A-Z]{2}$/.test(country.cca2))
    .map((country) => {
      const nameLocal = nativeNamesOf(country);
      const currencies = Object.keys(country.currencies ?? {}).filter(isIso4217);
      const phoneCode = dialingCodeOf(country);
      return {
        iso_code: country.cca2,
        cca3: /^[A-Z]{3}$/.test(country.cca3) ? country.cca3 : null,
        name_ascii: toAscii(country.name.common),
        name_local: nameLocal,
        translations: translationsOf(country, nameLocal),
        flag_url: `https://flagsapi.com/${country.cca2}/flat/64.png`,
        currencies,
        phone_code: phoneCode,
        metadata: compact({
          region: country.region,
          subregion: country.subregion || undefined,
          capital: country.capital?.[0],
          calling_code: phoneCode ?? undefined,
          currency_code: currencies[0],
          languages: languagesOf(country),
        }),
      };
    })
    .sort((a, b) => a.iso_code.localeCompare(b.iso_code));
}

/** The country's name in its own languages: `CH` → `{ de: Schweiz, fr: Suisse, it: Svizzera, rm: Svizra }`. */
function nativeNamesOf(country: Country): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [code, name] of Object.entries(country.name.native ?? {})) {
    const language = toIso6391(code);
    if (language && !(language in names)) names[language] = name.common;
  }
  return sortKeys(names);
}

/**
 * Names in every language available: i18n-iso-countries (78 languages, official-style names),
 * the native names, then world-countries' common names (shorter: "Vereinigte Staaten" rather than
 * "Vereinigte Staaten von Amerika"), and English last so that it is always world-countries' own.
 */
function translationsOf(country: Country, nativeNames: Record<string, string>): Record<string, string> {
  const names: Record<string, string> = {};
  for (const language of getSupportedLanguages()) {
    const name = getName(country.cca2, language);
    if (name) names[language] = name;
  }
  Object.assign(names, nativeNames);
  for (const [code, translation] of Object.entries(country.translations ?? {})) {
    const language = toIso6391(code);
    if (language) names[language] = translation.common;
  }
  names['en'] = country.name.common;
  return sortKeys(names);
}

function languagesOf(country: Country): string[] {
  const codes = Object.keys(country.languages ?? {})
    .map(toIso6391)
    .filter((code): code is string => code !== undefined);
  return [...new Set([...codes.sort(), 'en'])];
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
