import { Module, type DynamicModule } from '@nestjs/common';

import { ServiceKernelModule } from '@lib/transport';

import type { TenancyEnv } from './config';
import { tenancyDataSource } from './data-source';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { CountriesModule } from './reference-data/countries/countries.module';
import { CurrenciesModule } from './reference-data/currencies/currencies.module';
import { LanguagesModule } from './reference-data/languages/languages.module';
import { PhoneCodesModule } from './reference-data/phone-codes/phone-codes.module';
import { TimezonesModule } from './reference-data/timezones/timezones.module';
import { TenantOverviewModule } from './tenant-overview/tenant-overview.module';
import { TenantsModule } from './tenants/tenants.module';

@Module({})
export class AppModule {
  static forRoot(env: TenancyEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CountriesModule,
        CurrenciesModule,
        LanguagesModule,
        LifecycleModule,
        PhoneCodesModule,
        ServiceKernelModule.forRoot({ dataSource: tenancyDataSource, env, service: 'tenancy' }),
        TenantOverviewModule,
        TenantsModule,
        TimezonesModule,
      ],
    };
  }
}
