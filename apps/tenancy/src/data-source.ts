import type { ServiceDataSource } from '@lib/persistence';

import { LanguageSyncJobEntity } from './language-sync/language-sync-job.entity';
import { LifecycleEventEntity } from './lifecycle/lifecycle-event.entity';
import { migrations } from './migrations';
import { CountryEntity } from './reference-data/countries/country.entity';
import { CurrencyEntity } from './reference-data/currencies/currency.entity';
import { LanguageEntity } from './reference-data/languages/language.entity';
import { PhoneCodeEntity } from './reference-data/phone-codes/phone-code.entity';
import { TenantEntity } from './tenants/tenant.entity';

/** The tenancy schema: its entities and the migrations that build it. */
export const tenancyDataSource: ServiceDataSource = {
  schema: 'tenancy',
  entities: [CountryEntity, CurrencyEntity, LanguageEntity, PhoneCodeEntity, TenantEntity, LifecycleEventEntity, LanguageSyncJobEntity],
  migrations,
};
