import { Injectable } from '@nestjs/common';

import {
  DomainError,
  ErrorCode,
  type LanguageBody,
  type LanguageListResponse,
  type LanguageResponse,
  type ListLanguagesQuery,
} from '@lib/contracts';

import { listPage, prioritize } from '../common/list-page';
import { searchableText, searchTerm } from '../common/search-text';
import { StaticTable } from '../common/static-table';
import { CountriesService } from '../countries/countries.service';
import type { LanguageEntity } from './language.entity';
import { LanguagesRepository } from './languages.repository';

/** Listed first; with `countryCode`, that country's languages and English go before them. */
export const DEFAULT_LANGUAGE_PRIORITY = ['de', 'fr', 'it', 'es'];

interface LanguageIndex {
  /** Sorted by English name. */
  languages: { row: LanguageEntity; body: LanguageBody; searchText: string }[];
  /** Every ISO 639-1, 639-2/T, 639-2/B and 639-3 code → its language. */
  byCode: Map<string, LanguageBody>;
}

@Injectable()
export class LanguagesService {
  private readonly table = new StaticTable(async () => indexLanguages(await this.repository.findAll()));

  constructor(
    private readonly repository: LanguagesRepository,
    private readonly countries: CountriesService,
  ) {}

  /**
   * Priority languages first (de, fr, it, es; with `countryCode=CH` first de, fr, it, rm, en),
   * then the others by English name. An unknown `countryCode` only loses its own languages.
   */
  async list(query: ListLanguagesQuery): Promise<LanguageListResponse> {
    const index = await this.table.get();
    const term = searchTerm(query.search);
    const matches = index.languages.filter((language) => !term || language.searchText.includes(term));
    const countryLanguages = query.countryCode ? ((await this.countries.languagesOf(query.countryCode)) ?? []) : [];
    const priority = [...countryLanguages, ...DEFAULT_LANGUAGE_PRIORITY];
    const ordered = prioritize(matches, (language) => language.body.iso_code_1, priority);
    const { items, ...paging } = listPage(ordered, query);
    return { data: { languages: items.map((language) => language.body), ...paging } };
  }

  /** By ISO 639-1 (`de`), 639-2/T or 639-3 (`deu`), or 639-2/B (`ger`). */
  async get(code: string): Promise<LanguageResponse> {
    const language = (await this.table.get()).byCode.get(code.toLowerCase());
    if (!language) {
      throw DomainError.notFound(
        ErrorCode.LanguageNotFound,
        `No language has the ISO 639 code "${code.toLowerCase()}". GET /api/v1/public/languages lists them all.`,
      );
    }
    return { data: language };
  }
}

function indexLanguages(rows: LanguageEntity[]): LanguageIndex {
  const languages = rows
    .map((row) => ({
      row,
      body: bodyOf(row),
      searchText: searchableText([row.isoCode1, row.isoCode2, row.isoCode3, row.nameEnglish, row.nameLocal]),
    }))
    .sort((a, b) => a.body.name_english.localeCompare(b.body.name_english, 'en'));
  const byCode = new Map<string, LanguageBody>();
  // Two-letter codes first, so a three-letter code never shadows one (they cannot collide anyway).
  for (const { body } of languages) byCode.set(body.iso_code_1, body);
  for (const { row, body } of languages) {
    for (const code of [row.isoCode2, row.isoCode3, row.metadata.iso_code_2b]) {
      if (code && !byCode.has(code)) byCode.set(code, body);
    }
  }
  return { languages, byCode };
}

function bodyOf(row: LanguageEntity): LanguageBody {
  return {
    iso_code_1: row.isoCode1,
    iso_code_2: row.isoCode2,
    iso_code_3: row.isoCode3,
    name_english: row.nameEnglish,
    name_local: row.nameLocal,
    country_code: row.countryCode,
    metadata: row.metadata,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
