import { Injectable } from '@nestjs/common';

import {
  DomainError,
  ErrorCode,
  type ListPhoneCodesQuery,
  type PhoneCodeBody,
  type PhoneCodeListResponse,
  type PhoneCodeResponse,
  type PhoneCodeSearchResponse,
} from '@lib/contracts';

import { arrayPage } from '../common/list-page';
import { searchableText, searchTerm } from '../common/search-text';
import { StaticTable } from '../common/static-table';
import type { PhoneCodeEntity } from './phone-code.entity';
import { PhoneCodesRepository } from './phone-codes.repository';

interface IndexedPhoneCode {
  row: PhoneCodeEntity;
  body: PhoneCodeBody;
  searchText: string;
  /** Every code that dials this country: full code, ITU calling code, root + each suffix. */
  codes: Set<string>;
}

interface PhoneCodeIndex {
  /** Sorted by country name. */
  phoneCodes: IndexedPhoneCode[];
  byCountry: Map<string, PhoneCodeBody>;
}

@Injectable()
export class PhoneCodesService {
  private readonly table = new StaticTable(async () => indexPhoneCodes(await this.repository.findAll()));

  constructor(private readonly repository: PhoneCodesRepository) {}

  /** Sorted by country name; `search` matches the country code, the country name or the dialing code. */
  async list(query: ListPhoneCodesQuery): Promise<PhoneCodeListResponse> {
    const index = await this.table.get();
    const term = searchTerm(query.search);
    const matches = index.phoneCodes.filter((phoneCode) => !term || phoneCode.searchText.includes(term));
    return { data: arrayPage(matches, query).map((phoneCode) => phoneCode.body) };
  }

  /**
   * Reverse lookup: the countries dialed with `code` (`41` or `+41`). `+1` answers every country of
   * the North American plan, those whose full code is exactly `+1` first.
   */
  async search(code: string): Promise<PhoneCodeSearchResponse> {
    const wanted = `+${code.replace(/^\+/, '')}`;
    const matches = (await this.table.get()).phoneCodes.filter((phoneCode) => phoneCode.codes.has(wanted));
    const exact = matches.filter((phoneCode) => phoneCode.body.full_code === wanted);
    const others = matches.filter((phoneCode) => phoneCode.body.full_code !== wanted);
    return { data: [...exact, ...others].map((phoneCode) => phoneCode.body) };
  }

  async get(country: string): Promise<PhoneCodeResponse> {
    const phoneCode = (await this.table.get()).byCountry.get(country.toUpperCase());
    if (!phoneCode) {
      throw DomainError.notFound(
        ErrorCode.PhoneCodeNotFound,
        `No phone code is known for the country "${country.toUpperCase()}". GET /api/v1/public/phone-codes lists them all.`,
      );
    }
    return { data: phoneCode };
  }
}

function indexPhoneCodes(rows: PhoneCodeEntity[]): PhoneCodeIndex {
  const phoneCodes = rows
    .map((row) => ({
      row,
      body: bodyOf(row),
      searchText: searchableText([row.countryCode, row.metadata.country_name, row.fullCode, row.fullCode.slice(1)]),
      codes: dialingCodes(row),
    }))
    .sort((a, b) => a.row.metadata.country_name.localeCompare(b.row.metadata.country_name, 'en'));
  return { phoneCodes, byCountry: new Map(phoneCodes.map((p) => [p.body.country_code, p.body])) };
}

function dialingCodes(row: PhoneCodeEntity): Set<string> {
  const codes = [row.fullCode, row.metadata.calling_code, ...(row.iddSuffixes ?? []).map((s) => `${row.iddRoot}${s}`)];
  return new Set(codes.filter((code): code is string => Boolean(code)));
}

function bodyOf(row: PhoneCodeEntity): PhoneCodeBody {
  return {
    country_code: row.countryCode,
    idd_root: row.iddRoot,
    idd_suffixes: row.iddSuffixes,
    full_code: row.fullCode,
    metadata: row.metadata,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
