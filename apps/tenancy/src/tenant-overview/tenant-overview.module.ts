import { Module } from '@nestjs/common';

import { LanguageSyncModule } from '../language-sync/language-sync.module';
import { TenantsModule } from '../tenants/tenants.module';
import { ApiUsageRepository } from './api-usage.repository';
import { PeerServicesClient } from './peer-services.client';
import { TenantOverviewHandler } from './tenant-overview.handler';
import { TenantOverviewService } from './tenant-overview.service';

/** Read-only views of one tenant: dashboard, info, developer config, exports, language sync, coverage. */
@Module({
  controllers: [TenantOverviewHandler],
  imports: [LanguageSyncModule, TenantsModule],
  providers: [ApiUsageRepository, PeerServicesClient, TenantOverviewService],
})
export class TenantOverviewModule {}
