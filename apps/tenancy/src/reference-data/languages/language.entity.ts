import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { LanguageMetadataBody } from '@lib/contracts';

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
  metadata: LanguageMetadataBody;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
