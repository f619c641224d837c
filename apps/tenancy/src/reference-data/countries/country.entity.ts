import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { CountryMetadataBody } from '@lib/contracts';

/** The `metadata` column as the seed writes it: the contract's metadata, with the keys every row has. */
export interface CountryMetadata extends CountryMetadataBody {
  region: string;
  subregion?: string;
  capital?: string;
  calling_code?: string;
  currency_code?: string;
  /** ISO 639-1 codes of the country's languages, then English. */
  languages: string[];
}

/** One ISO 3166-1 country (`tenancy.countries`), seeded from world-countries and i18n-iso-countries. */
@Entity({ name: 'countries' })
export class CountryEntity {
  @PrimaryColumn({ name: 'iso_code', type: 'varchar', length: 2 })
  isoCode: string;

  @Column({ type: 'varchar', length: 3, nullable: true })
  cca3: string | null;

  @Column({ name: 'name_ascii', type: 'text' })
  nameAscii: string;

  /** The country's name in each of its own languages (ISO 639-1 → name). */
  @Column({ name: 'name_local', type: 'jsonb' })
  nameLocal: Record<string, string>;

  /** The country's name in every language we have it in (ISO 639-1 → name), English included. */
  @Column({ type: 'jsonb' })
  translations: Record<string, string>;

  @Column({ name: 'flag_url', type: 'text' })
  flagUrl: string;

  @Column({ type: 'text', array: true })
  currencies: string[];

  @Column({ name: 'phone_code', type: 'text', nullable: true })
  phoneCode: string | null;

  @Column({ type: 'jsonb' })
  metadata: CountryMetadata;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
