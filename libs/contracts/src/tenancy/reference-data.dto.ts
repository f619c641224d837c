import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

import type { SuccessBodyOf } from '../client/platform-client';
import { SearchablePageQuery } from '../common/query.dto';
import type {
  getCountry,
  getCurrency,
  getLanguage,
  getPhoneCode,
  getTimezone,
  listCountries,
  listCountryRegions,
  listCurrencies,
  listCurrenciesByCountry,
  listLanguages,
  listPhoneCodes,
  listTimezoneRegions,
  listTimezones,
  searchPhoneCodes,
} from './reference-data.contract';

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

/**
 * Reference lists are shorter than the largest page: without `limit` the whole list comes back.
 * `search`: part of a name in any language (diacritics ignored) or of the ISO alpha-2/alpha-3 code.
 */
export class ListCountriesQuery extends SearchablePageQuery {
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

export class ListCurrenciesQuery extends SearchablePageQuery {}

export class ListLanguagesQuery extends SearchablePageQuery {
  /** Puts the country's languages and English first, e.g. CH → de, fr, it, rm, en. */
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as "CH"' })
  countryCode?: string;
}

export class ListPhoneCodesQuery extends SearchablePageQuery {}

export class SearchPhoneCodesQuery {
  /** IDD code with or without the leading +, e.g. +41 or 41. */
  @Matches(/^\+?[0-9]{1,6}$/, { message: 'code must be an international dialing code such as "+41"' })
  code: string;
}

/** `search`: part of the IANA name or the city (`new york`, `zurich`). */
export class ListTimezonesQuery extends SearchablePageQuery {
  /** The name's first part (`Europe`, `America`), in any case. */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  region?: string;
}

// Response bodies: the catalogue's schemas, as generated into ResponseBodies.

export type CountryListResponse = SuccessBodyOf<typeof listCountries>;
export type CountryListItemBody = CountryListResponse['data']['countries'][number];
export type CountryRegionsResponse = SuccessBodyOf<typeof listCountryRegions>;
export type CountryResponse = SuccessBodyOf<typeof getCountry>;
export type CountryBody = CountryResponse['data'];
export type CountryMetadataBody = CountryBody['metadata'];
export type CurrencyListResponse = SuccessBodyOf<typeof listCurrencies>;
export type CurrencyByCountryResponse = SuccessBodyOf<typeof listCurrenciesByCountry>;
export type CurrencyResponse = SuccessBodyOf<typeof getCurrency>;
export type CurrencyBody = CurrencyResponse['data'];
export type CurrencyMetadataBody = CurrencyBody['metadata'];
export type LanguageListResponse = SuccessBodyOf<typeof listLanguages>;
export type LanguageResponse = SuccessBodyOf<typeof getLanguage>;
export type LanguageBody = LanguageResponse['data'];
export type LanguageMetadataBody = LanguageBody['metadata'];
export type PhoneCodeListResponse = SuccessBodyOf<typeof listPhoneCodes>;
export type PhoneCodeSearchResponse = SuccessBodyOf<typeof searchPhoneCodes>;
export type PhoneCodeResponse = SuccessBodyOf<typeof getPhoneCode>;
export type PhoneCodeBody = PhoneCodeResponse['data'];
export type PhoneCodeMetadataBody = PhoneCodeBody['metadata'];
export type TimezoneListResponse = SuccessBodyOf<typeof listTimezones>;
export type TimezoneRegionsResponse = SuccessBodyOf<typeof listTimezoneRegions>;
export type TimezoneResponse = SuccessBodyOf<typeof getTimezone>;
export type TimezoneBody = TimezoneResponse['data'];
