import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { CurrencyEntity } from './currency.entity';

/** Reads `tenancy.currencies` (the same for every tenant). */
@Injectable()
export class CurrenciesRepository {
  constructor(@InjectRepository(CurrencyEntity) private readonly repository: Repository<CurrencyEntity>) {}

  findAll(): Promise<CurrencyEntity[]> {
    return this.repository.find({ order: { code: 'ASC' } });
  }
}
