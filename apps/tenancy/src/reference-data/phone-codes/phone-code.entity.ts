import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { PhoneCodeMetadataBody } from '@lib/contracts';

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
  metadata: PhoneCodeMetadataBody;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
