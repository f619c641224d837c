import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { CountriesModule } from '../countries/countries.module';
import { CurrenciesHandler } from './currencies.handler';
import { CurrenciesRepository } from './currencies.repository';
import { CurrenciesService } from './currencies.service';
import { CurrencyEntity } from './currency.entity';

@Module({
  controllers: [CurrenciesHandler],
  imports: [CountriesModule, TypeOrmModule.forFeature([CurrencyEntity])],
  providers: [CurrenciesRepository, CurrenciesService],
})
export class CurrenciesModule {}
