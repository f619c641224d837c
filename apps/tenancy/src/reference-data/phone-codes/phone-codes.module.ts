import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { PhoneCodeEntity } from './phone-code.entity';
import { PhoneCodesHandler } from './phone-codes.handler';
import { PhoneCodesRepository } from './phone-codes.repository';
import { PhoneCodesService } from './phone-codes.service';

@Module({
  controllers: [PhoneCodesHandler],
  imports: [TypeOrmModule.forFeature([PhoneCodeEntity])],
  providers: [PhoneCodesRepository, PhoneCodesService],
})
export class PhoneCodesModule {}
