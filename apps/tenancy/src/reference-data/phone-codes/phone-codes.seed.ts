import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js';
import countries, { type Country } from 'world-countries';

import type { PhoneCodeMetadata } from './phone-code.entity';

/** A row of `tenancy.phone_codes` as the seed migration inserts it. */
export interface PhoneCodeSeed {
  country_code: string;
  idd_root: string;
  idd_suffixes: string[] | null;
  full_code: string;
  metadata: PhoneCodeMetadata;
}

/** What the contract allows for a dialing code: `+` and one to four digits. */
export const DIALING_CODE = /^\+[0-9]{1,4}$/;

export function buildPhoneCodeSeeds(): PhoneCodeSeed[] {
  return countries
    .filter((country) => DIALING_CODE.test(country.idd.root ?? ''))
    .map((country) => {
      const callingCode = callingCodeOf(country.cca2);
      const suffixes = country.idd.suffixes ?? [];
      const metadata: PhoneCodeMetadata = { country_name: country.name.common, region: country.region };
      if (callingCode) metadata.calling_code = callingCode;
      return {
        country_code: country.cca2,
        idd_root: country.idd.root,
        idd_suffixes: suffixes.length > 0 ? suffixes : null,
        full_code: dialingCodeOf(country) as string,
        metadata,
      };
    })
    .sort((a, b) => a.country_code.localeCompare(b.country_code));
}

/**
 * The code to dial a country: root and suffix when world-countries gives exactly one suffix
 * (`+4`,`1` → `+41`; `+1`,`268` → `+1268`). With several suffixes (the US lists its area codes)
 * or when root and suffix exceed four digits (Åland `+35818`), libphonenumber's country calling
 * code is used instead (`+1`, `+358`).
 */
export function dialingCodeOf(country: Country): string | null {
  const { root, suffixes } = country.idd;
  if (!root) return null;
  const single = suffixes?.length === 1 ? `${root}${suffixes[0]}` : undefined;
  if (single && DIALING_CODE.test(single)) return single;
  return callingCodeOf(country.cca2) ?? (DIALING_CODE.test(root) ? root : null);
}

export function callingCodeOf(countryCode: string): string | undefined {
  return isSupportedCountry(countryCode) ? `+${getCountryCallingCode(countryCode)}` : undefined;
}
