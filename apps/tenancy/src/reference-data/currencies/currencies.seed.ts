import { data as iso4217 } from 'currency-codes';
import countries from 'world-countries';

import type { CurrencyMetadata } from './currency.entity';

/** A row of `tenancy.currencies` as the seed migration inserts it. */
export interface CurrencySeed {
  code: string;
  name: string;
  symbol: string | null;
  metadata: CurrencyMetadata;
}

/** ISO 4217 (currency-codes), with the countries that use each currency taken from world-countries. */
export function buildCurrencySeeds(): CurrencySeed[] {
  const users = countriesByCurrency();
  return iso4217
    .filter((currency) => /^[A-Z]{3}$/.test(currency.code))
    .map((currency) => ({
      code: currency.code,
      name: currency.currency,
      symbol: symbolOf(currency.code),
      metadata: {
        countries: users.get(currency.code) ?? [],
        decimal_digits: currency.digits,
        numeric_code: currency.number,
      },
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

const iso4217Codes = new Set(iso4217.map((currency) => currency.code));

/** Whether ISO 4217 lists `code` (world-countries also knows local ones such as GGP). */
export function isIso4217(code: string): boolean {
  return iso4217Codes.has(code);
}

function countriesByCurrency(): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const country of countries) {
    for (const code of Object.keys(country.currencies ?? {})) users.set(code, [...(users.get(code) ?? []), country.cca2]);
  }
  users.forEach((codes) => codes.sort());
  return users;
}

/**
 * The symbol as written where the currency is used (`$`, `€`, `CHF`, `฿`), from CLDR via Intl.
 * CLDR answers the code itself when a currency has no symbol, and `¤` for "no currency" (XXX).
 */
function symbolOf(code: string): string | null {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' });
  const symbol = format.formatToParts(0).find((part) => part.type === 'currency')?.value;
  return symbol && symbol !== '¤' ? symbol : null;
}
