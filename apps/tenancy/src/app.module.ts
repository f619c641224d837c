import { Module, type DynamicModule } from '@nestjs/common';

import { ServiceKernelModule } from '@lib/transport';

import type { TenancyEnv } from './config';
import { tenancyDataSource } from './data-source';
import { CountriesModule } from './reference-data/countries/countries.module';
import { CurrenciesModule } from './reference-data/currencies/currencies.module';
import { LanguagesModule } from './reference-data/languages/languages.module';
import { PhoneCodesModule } from './reference-data/phone-codes/phone-codes.module';
import { TimezonesModule } from './reference-data/timezones/timezones.module';

@Module({})
export class AppModule {
  static forRoot(env: TenancyEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CountriesModule,
        CurrenciesModule,
        LanguagesModule,
        PhoneCodesModule,
        ServiceKernelModule.forRoot({ dataSource: tenancyDataSource, env, service: 'tenancy' }),
        TimezonesModule,
      ],
    };
  }
}
