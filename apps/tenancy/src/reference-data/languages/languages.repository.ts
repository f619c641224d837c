import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { LanguageEntity } from './language.entity';

/** Reads `tenancy.languages` (the same for every tenant). */
@Injectable()
export class LanguagesRepository {
  constructor(@InjectRepository(LanguageEntity) private readonly repository: Repository<LanguageEntity>) {}

  findAll(): Promise<LanguageEntity[]> {
    return this.repository.find({ order: { isoCode1: 'ASC' } });
  }
}
