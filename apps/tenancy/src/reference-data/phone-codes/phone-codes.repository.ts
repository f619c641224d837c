import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { PhoneCodeEntity } from './phone-code.entity';

/** Reads `tenancy.phone_codes` (the same for every tenant). */
@Injectable()
export class PhoneCodesRepository {
  constructor(@InjectRepository(PhoneCodeEntity) private readonly repository: Repository<PhoneCodeEntity>) {}

  findAll(): Promise<PhoneCodeEntity[]> {
    return this.repository.find({ order: { countryCode: 'ASC' } });
  }
}
