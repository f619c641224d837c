import { Module } from '@nestjs/common';

import { TenantsRepository } from './tenants.repository';

/** Tenancy's internal subjects (tenants live in the tenancy service). */
@Module({
  exports: [TenantsRepository],
  providers: [TenantsRepository],
})
export class TenantsModule {}
