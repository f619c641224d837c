import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { LanguageMetadataBody } from '@lib/contracts';

/** The `metadata` column as the seed writes it: the contract's metadata, with the keys the seed knows. */
export interface LanguageMetadata extends LanguageMetadataBody {
  /** ISO 639-2/B code where it differs from 639-2/T (`ger` for `deu`). */
  iso_code_2b?: string;
  /** ISO 15924 script code, e.g. `Latn`. */
  script_code?: string;
  script?: string;
  direction?: 'ltr' | 'rtl';
}

/** One ISO 639-1 language (`tenancy.languages`), seeded from `langs` and Intl. */
@Entity({ name: 'languages' })
export class LanguageEntity {
  @PrimaryColumn({ name: 'iso_code_1', type: 'varchar', length: 2 })
  isoCode1: string;

  @Column({ name: 'iso_code_2', type: 'varchar', length: 3, nullable: true })
  isoCode2: string | null;

  @Column({ name: 'iso_code_3', type: 'varchar', length: 3, nullable: true })
  isoCode3: string | null;

  @Column({ name: 'name_english', type: 'text' })
  nameEnglish: string;

  @Column({ name: 'name_local', type: 'text' })
  nameLocal: string;

  @Column({ name: 'country_code', type: 'varchar', length: 2, nullable: true })
  countryCode: string | null;

  @Column({ type: 'jsonb' })
  metadata: LanguageMetadata;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
