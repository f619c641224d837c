import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { CountriesModule } from '../countries/countries.module';
import { LanguageEntity } from './language.entity';
import { LanguagesHandler } from './languages.handler';
import { LanguagesRepository } from './languages.repository';
import { LanguagesService } from './languages.service';

@Module({
  controllers: [LanguagesHandler],
  imports: [CountriesModule, TypeOrmModule.forFeature([LanguageEntity])],
  providers: [LanguagesRepository, LanguagesService],
})
export class LanguagesModule {}
