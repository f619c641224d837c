import { LanguageQuery } from '../common/query.dto';
import { endpoint } from '../endpoint';
import {
  CountryCodeParams,
  CountryParams,
  CurrencyCodeParams,
  LanguageCodeParams,
  ListCountriesQuery,
  ListCurrenciesQuery,
  ListLanguagesQuery,
  ListPhoneCodesQuery,
  ListTimezonesQuery,
  SearchPhoneCodesQuery,
  TimezoneNameParams,
} from './reference-data.dto';

// Reference data is the same for every tenant: all of it is public.

export const listCountries = endpoint({
  id: 'tenancy.countries.list',
  method: 'GET',
  path: '/api/v1/public/countries/',
  access: 'public',
  status: 200,
  query: ListCountriesQuery,
});

export const listCountryRegions = endpoint({
  id: 'tenancy.countries.regions',
  method: 'GET',
  path: '/api/v1/public/countries/regions',
  access: 'public',
  status: 200,
});

export const getCountry = endpoint({
  id: 'tenancy.countries.get',
  method: 'GET',
  path: '/api/v1/public/countries/{isoCode}',
  access: 'public',
  status: 200,
  params: CountryCodeParams,
  query: LanguageQuery,
});

export const listCurrencies = endpoint({
  id: 'tenancy.currencies.list',
  method: 'GET',
  path: '/api/v1/public/currencies/',
  access: 'public',
  status: 200,
  query: ListCurrenciesQuery,
});

export const listCurrenciesByCountry = endpoint({
  id: 'tenancy.currencies.list-by-country',
  method: 'GET',
  path: '/api/v1/public/currencies/country/{country}',
  access: 'public',
  status: 200,
  params: CountryParams,
});

export const getCurrency = endpoint({
  id: 'tenancy.currencies.get',
  method: 'GET',
  path: '/api/v1/public/currencies/{code}',
  access: 'public',
  status: 200,
  params: CurrencyCodeParams,
});

export const listLanguages = endpoint({
  id: 'tenancy.languages.list',
  method: 'GET',
  path: '/api/v1/public/languages/',
  access: 'public',
  status: 200,
  query: ListLanguagesQuery,
});

export const getLanguage = endpoint({
  id: 'tenancy.languages.get',
  method: 'GET',
  path: '/api/v1/public/languages/{code}',
  access: 'public',
  status: 200,
  params: LanguageCodeParams,
});

export const listPhoneCodes = endpoint({
  id: 'tenancy.phone-codes.list',
  method: 'GET',
  path: '/api/v1/public/phone-codes/',
  access: 'public',
  status: 200,
  query: ListPhoneCodesQuery,
});

export const searchPhoneCodes = endpoint({
  id: 'tenancy.phone-codes.search',
  method: 'GET',
  path: '/api/v1/public/phone-codes/search',
  access: 'public',
  status: 200,
  query: SearchPhoneCodesQuery,
});

export const getPhoneCode = endpoint({
  id: 'tenancy.phone-codes.get',
  method: 'GET',
  path: '/api/v1/public/phone-codes/{country}',
  access: 'public',
  status: 200,
  params: CountryParams,
});

export const listTimezones = endpoint({
  id: 'tenancy.timezones.list',
  method: 'GET',
  path: '/api/v1/public/timezones/',
  access: 'public',
  status: 200,
  query: ListTimezonesQuery,
});

export const listTimezoneRegions = endpoint({
  id: 'tenancy.timezones.regions',
  method: 'GET',
  path: '/api/v1/public/timezones/regions',
  access: 'public',
  status: 200,
});

export const getTimezone = endpoint({
  id: 'tenancy.timezones.get',
  method: 'GET',
  path: '/api/v1/public/timezones/{name}',
  access: 'public',
  status: 200,
  params: TimezoneNameParams,
});

export const referenceDataEndpoints = [
  listCountries,
  listCountryRegions,
  getCountry,
  listCurrencies,
  listCurrenciesByCountry,
  getCurrency,
  listLanguages,
  getLanguage,
  listPhoneCodes,
  searchPhoneCodes,
  getPhoneCode,
  listTimezones,
  listTimezoneRegions,
  getTimezone,
];
