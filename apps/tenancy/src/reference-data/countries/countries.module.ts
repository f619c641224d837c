import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { CountriesHandler } from './countries.handler';
import { CountriesRepository } from './countries.repository';
import { CountriesService } from './countries.service';
import { CountryEntity } from './country.entity';

@Module({
  controllers: [CountriesHandler],
  exports: [CountriesService],
  imports: [TypeOrmModule.forFeature([CountryEntity])],
  providers: [CountriesRepository, CountriesService],
})
export class CountriesModule {}
