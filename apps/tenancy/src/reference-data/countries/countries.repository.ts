import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { CountryEntity } from './country.entity';

/** Reads `tenancy.countries`. Reference data is the same for every tenant, so there is no tenant scope. */
@Injectable()
export class CountriesRepository {
  constructor(@InjectRepository(CountryEntity) private readonly repository: Repository<CountryEntity>) {}

  findAll(): Promise<CountryEntity[]> {
    return this.repository.find({ order: { isoCode: 'ASC' } });
  }
}
