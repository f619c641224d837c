import { Injectable } from '@nestjs/common';

import {
  DomainError,
  ErrorCode,
  type CountryBody,
  type CountryListItemBody,
  type CountryListResponse,
  type CountryRegionsResponse,
  type CountryResponse,
  type ListCountriesQuery,
  type RequestContext,
} from '@lib/contracts';

import { listPage, prioritize } from '../common/list-page';
import { preferredLanguage } from '../common/localization';
import { searchableText, searchTerm } from '../common/search-text';
import { StaticTable } from '../common/static-table';
import { CountriesRepository } from './countries.repository';
import type { CountryEntity } from './country.entity';

/** Listed first unless the caller sends its own `priority`. */
export const DEFAULT_COUNTRY_PRIORITY = ['CH', 'DE', 'AT', 'FR', 'IT', 'GB', 'US'];

interface IndexedCountry {
  row: CountryEntity;
  /** The answer of GET /countries/{isoCode} without the localized `name`. */
  detail: Omit<CountryBody, 'name'>;
  /** The list entry without the localized `name`. */
  listItem: Omit<CountryListItemBody, 'name'>;
  searchText: string;
}

interface CountryIndex {
  countries: IndexedCountry[];
  byCode: Map<string, IndexedCountry>;
  regions: string[];
  /** Languages some country has a localized name in. */
  languages: Set<string>;
}

@Injectable()
export class CountriesService {
  private readonly table = new StaticTable(async () => indexCountries(await this.repository.findAll()));
  private readonly collators = new Map<string, Intl.Collator>();

  constructor(private readonly repository: CountriesRepository) {}

  async list(context: RequestContext, query: ListCountriesQuery): Promise<CountryListResponse> {
    const index = await this.table.get();
    const language = this.languageFor(index, query.language, context);
    const term = searchTerm(query.search);
    const region = query.region?.trim().toLowerCase();
    const matches = index.countries.filter(
      (country) => (!region || inRegion(country.row, region)) && (!term || country.searchText.includes(term)),
    );
    const collator = this.collator(language);
    const named = matches.map((country) => ({ ...country.listItem, name: nameIn(country.row, language) }));
    named.sort((a, b) => collator.compare(a.name, b.name));
    const ordered = prioritize(named, (country) => country.iso_code, query.priority ?? DEFAULT_COUNTRY_PRIORITY);
    const { items, ...paging } = listPage(ordered, query);
    return { data: { countries: items, ...paging } };
  }

  async regions(): Promise<CountryRegionsResponse> {
    const index = await this.table.get();
    return { data: { regions: index.regions } };
  }

  async get(context: RequestContext, isoCode: string, language?: string): Promise<CountryResponse> {
    const index = await this.table.get();
    const country = index.byCode.get(isoCode.toUpperCase());
    if (!country) throw countryNotFound(isoCode);
    return { data: { ...country.detail, name: nameIn(country.row, this.languageFor(index, language, context)) } };
  }

  /** The country's currencies (ISO 4217), main one first; a 404 for an unknown country. */
  async currenciesOf(isoCode: string): Promise<string[]> {
    const country = (await this.table.get()).byCode.get(isoCode.toUpperCase());
    if (!country) throw countryNotFound(isoCode);
    return country.row.currencies;
  }

  /** The country's languages then English (`CH` → de, fr, it, rm, en); undefined for an unknown country. */
  async languagesOf(isoCode: string): Promise<string[] | undefined> {
    return (await this.table.get()).byCode.get(isoCode.toUpperCase())?.row.metadata.languages;
  }

  private languageFor(index: CountryIndex, query: string | undefined, context: RequestContext): string {
    return preferredLanguage(query, context.locale, (language) => index.languages.has(language));
  }

  private collator(language: string): Intl.Collator {
    let collator = this.collators.get(language);
    if (!collator) {
      collator = new Intl.Collator(language, { sensitivity: 'base' });
      this.collators.set(language, collator);
    }
    return collator;
  }
}

export function countryNotFound(isoCode: string): DomainError {
  return DomainError.notFound(
    ErrorCode.CountryNotFound,
    `No country has the ISO code "${isoCode.toUpperCase()}". GET /api/v1/public/countries lists them all.`,
  );
}

function indexCountries(rows: CountryEntity[]): CountryIndex {
  const countries = rows.map((row) => ({
    row,
    detail: detailOf(row),
    listItem: { ...detailOf(row), cca3: row.cca3, currencies: row.currencies, phone_code: row.phoneCode },
    searchText: searchableText([
      row.isoCode,
      row.cca3,
      row.nameAscii,
      ...Object.values(row.nameLocal),
      ...Object.values(row.translations),
    ]),
  }));
  const regions = [...new Set(rows.map((row) => row.metadata.region).filter(Boolean))].sort();
  const languages = new Set(rows.flatMap((row) => Object.keys(row.translations)));
  return { countries, byCode: new Map(countries.map((c) => [c.row.isoCode, c])), regions, languages };
}

function detailOf(row: CountryEntity): Omit<CountryBody, 'name'> {
  return {
    iso_code: row.isoCode,
    name_ascii: row.nameAscii,
    name_local: row.nameLocal,
    flag_url: row.flagUrl,
    metadata: row.metadata,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

function nameIn(row: CountryEntity, language: string): string {
  return row.translations[language] ?? row.translations['en'] ?? row.nameAscii;
}

/** `region` matches the region (`Europe`) or the subregion (`Western Europe`), in any case. */
function inRegion(row: CountryEntity, region: string): boolean {
  return row.metadata.region.toLowerCase() === region || row.metadata.subregion?.toLowerCase() === region;
}
