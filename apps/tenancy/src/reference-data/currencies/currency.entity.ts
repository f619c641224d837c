import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { CurrencyMetadataBody } from '@lib/contracts';

/** The `metadata` column as the seed writes it: the contract's metadata, with the keys every row has. */
export interface CurrencyMetadata extends CurrencyMetadataBody {
  countries: string[];
  decimal_digits: number;
  numeric_code: string;
}

/** One ISO 4217 currency (`tenancy.currencies`). */
@Entity({ name: 'currencies' })
export class CurrencyEntity {
  @PrimaryColumn({ type: 'varchar', length: 3 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  symbol: string | null;

  @Column({ type: 'jsonb' })
  metadata: CurrencyMetadata;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
