import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

import { PaginationQuery } from '../common/query.dto';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);
const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((v) => v.trim().toUpperCase()).filter(Boolean) : value;

export class CountryCodeParams {
  @Transform(upper)
  @Matches(/^[A-Z]{2}$/, { message: 'isoCode must be an ISO 3166-1 alpha-2 code such as "CH"' })
  isoCode: string;
}

export class CountryParams {
  @Transform(upper)
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as "CH"' })
  country: string;
}

export class CurrencyCodeParams {
  @Transform(upper)
  @Matches(/^[A-Z]{3}$/, { message: 'code must be an ISO 4217 code such as "CHF"' })
  code: string;
}

export class LanguageCodeParams {
  @Transform(lower)
  @Matches(/^[a-z]{2,3}$/, { message: 'code must be an ISO 639-1, 639-2 or 639-3 code such as "de" or "deu"' })
  code: string;
}

export class TimezoneNameParams {
  @IsString()
  @Matches(/^[A-Za-z0-9_+\-/]{1,64}$/, { message: 'name must be an IANA timezone name such as "Europe/Zurich"' })
  name: string;
}

/** Reference lists are shorter than the largest page: without `limit` the whole list comes back. */
export class ListCountriesQuery extends PaginationQuery {
  /** Part of a name in any language (diacritics ignored) or of the ISO alpha-2/alpha-3 code. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  /** Region (`Europe`) or subregion (`Western Europe`), in any case. */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  region?: string;

  @IsOptional()
  @Matches(/^[a-zA-Z]{2}$/, { message: 'language must be an ISO 639-1 code such as "de"' })
  language?: string;

  /** Comma-separated ISO codes listed first, in this order (default: CH, DE, AT, FR, IT, GB, US). */
  @IsOptional()
  @Transform(commaList)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'priority must be a comma-separated list of ISO 3166-1 alpha-2 codes' })
  priority?: string[];
}

export class ListCurrenciesQuery extends PaginationQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class ListLanguagesQuery extends PaginationQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  /** Puts the country's languages and English first, e.g. CH → de, fr, it, rm, en. */
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as "CH"' })
  countryCode?: string;
}

export class ListPhoneCodesQuery extends PaginationQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class SearchPhoneCodesQuery {
  /** IDD code with or without the leading +, e.g. +41 or 41. */
  @Matches(/^\+?[0-9]{1,6}$/, { message: 'code must be an international dialing code such as "+41"' })
  code: string;
}

export class ListTimezonesQuery extends PaginationQuery {
  /** Part of the IANA name or the city (`new york`, `zurich`). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  /** The name's first part (`Europe`, `America`), in any case. */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  region?: string;
}

// Response bodies, field for field as the catalogue's schemas (snake_case as the contract has it).

/** Every reference-data response wraps its payload in `data`. */
export interface DataResponse<T> {
  data: T;
}

export interface CountryMetadataBody {
  region: string;
  subregion?: string;
  capital?: string;
  calling_code?: string;
  currency_code?: string;
  /** ISO 639-1 codes of the country's languages, then English. */
  languages: string[];
}

/** GET /countries/{isoCode}. */
export interface CountryBody {
  iso_code: string;
  name_ascii: string;
  name_local: Record<string, string>;
  flag_url: string;
  metadata: CountryMetadataBody;
  created_at: string;
  updated_at: string;
  /** Localized by `language`, then Accept-Language, then English. */
  name: string;
}

/** One entry of GET /countries/. */
export interface CountryListItemBody extends CountryBody {
  cca3: string | null;
  currencies: string[] | null;
  phone_code: string | null;
}

export interface CountryListBody {
  countries: CountryListItemBody[];
  total: number;
  limit: number;
  offset: number;
}

export interface CountryRegionsBody {
  regions: string[];
}

export interface CurrencyMetadataBody {
  countries: string[];
  decimal_digits: number;
  numeric_code: string;
}

export interface CurrencyBody {
  code: string;
  name: string;
  symbol: string | null;
  metadata: CurrencyMetadataBody;
  created_at: string;
  updated_at: string;
}

export interface LanguageMetadataBody {
  /** ISO 639-2/B code where it differs from 639-2/T (`ger` for `deu`). */
  iso_code_2b?: string;
  /** ISO 15924 script code, e.g. `Latn`. */
  script_code?: string;
  script?: string;
  direction?: 'ltr' | 'rtl';
}

export interface LanguageBody {
  iso_code_1: string;
  iso_code_2: string | null;
  iso_code_3: string | null;
  name_english: string;
  name_local: string;
  country_code: string | null;
  metadata: LanguageMetadataBody;
  created_at: string;
  updated_at: string;
}

export interface LanguageListBody {
  languages: LanguageBody[];
  total: number;
  limit: number;
  offset: number;
}

export interface PhoneCodeMetadataBody {
  country_name: string;
  region: string;
  /** The ITU country calling code, e.g. `+1` for Antigua whose full code is `+1268`. */
  calling_code?: string;
}

export interface PhoneCodeBody {
  country_code: string;
  idd_root: string;
  idd_suffixes: string[] | null;
  full_code: string;
  metadata: PhoneCodeMetadataBody;
  created_at: string;
  updated_at: string;
}

export interface TimezoneBody {
  name: string;
  /** Offset from UTC now, DST included: `GMT+1`, `GMT+5:30`, `GMT-3`, `GMT+0`. */
  offset: string;
  offsetMinutes: number;
  region: string;
  city: string;
  abbreviation: string;
}

export interface TimezoneListBody {
  timezones: TimezoneBody[];
  total: number;
  limit: number;
  offset: number;
}
