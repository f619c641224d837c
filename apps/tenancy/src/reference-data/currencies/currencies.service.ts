import { Injectable } from '@nestjs/common';

import {
  DomainError,
  ErrorCode,
  type CurrencyBody,
  type CurrencyByCountryResponse,
  type CurrencyListResponse,
  type CurrencyResponse,
  type ListCurrenciesQuery,
} from '@lib/contracts';

import { arrayPage } from '../common/list-page';
import { searchableText, searchTerm } from '../common/search-text';
import { StaticTable } from '../common/static-table';
import { CountriesService } from '../countries/countries.service';
import { CurrenciesRepository } from './currencies.repository';
import type { CurrencyEntity } from './currency.entity';

interface CurrencyIndex {
  currencies: { body: CurrencyBody; searchText: string }[];
  byCode: Map<string, CurrencyBody>;
}

@Injectable()
export class CurrenciesService {
  private readonly table = new StaticTable(async () => indexCurrencies(await this.repository.findAll()));

  constructor(
    private readonly repository: CurrenciesRepository,
    private readonly countries: CountriesService,
  ) {}

  /** Sorted by code; `search` matches the code or the name. */
  async list(query: ListCurrenciesQuery): Promise<CurrencyListResponse> {
    const index = await this.table.get();
    const term = searchTerm(query.search);
    const matches = index.currencies.filter((currency) => !term || currency.searchText.includes(term));
    return { data: arrayPage(matches, query).map((currency) => currency.body) };
  }

  async get(code: string): Promise<CurrencyResponse> {
    const currency = (await this.table.get()).byCode.get(code.toUpperCase());
    if (!currency) {
      throw DomainError.notFound(
        ErrorCode.CurrencyNotFound,
        `No ISO 4217 currency has the code "${code.toUpperCase()}". GET /api/v1/public/currencies lists them all.`,
      );
    }
    return { data: currency };
  }

  /** The currencies of a country, its main one first; empty for a country without one (Antarctica). */
  async listByCountry(country: string): Promise<CurrencyByCountryResponse> {
    const codes = await this.countries.currenciesOf(country);
    const { byCode } = await this.table.get();
    return { data: codes.flatMap((code) => byCode.get(code) ?? []) };
  }
}

function indexCurrencies(rows: CurrencyEntity[]): CurrencyIndex {
  const currencies = rows.map((row) => ({ body: bodyOf(row), searchText: searchableText([row.code, row.name]) }));
  return { currencies, byCode: new Map(currencies.map((c) => [c.body.code, c.body])) };
}

function bodyOf(row: CurrencyEntity): CurrencyBody {
  return {
    code: row.code,
    name: row.name,
    symbol: row.symbol,
    metadata: row.metadata,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
