import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { PhoneCodeMetadataBody } from '@lib/contracts';

/** The `metadata` column as the seed writes it: the contract's metadata, with the keys every row has. */
export interface PhoneCodeMetadata extends PhoneCodeMetadataBody {
  country_name: string;
  region: string;
  /** The ITU country calling code, e.g. `+1` for Antigua whose full code is `+1268`. */
  calling_code?: string;
}

/** The international dialing code of one country (`tenancy.phone_codes`). */
@Entity({ name: 'phone_codes' })
export class PhoneCodeEntity {
  @PrimaryColumn({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Column({ name: 'idd_root', type: 'text' })
  iddRoot: string;

  @Column({ name: 'idd_suffixes', type: 'text', array: true, nullable: true })
  iddSuffixes: string[] | null;

  @Column({ name: 'full_code', type: 'text' })
  fullCode: string;

  @Column({ type: 'jsonb' })
  metadata: PhoneCodeMetadata;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
