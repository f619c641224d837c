import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { LanguageSyncModule } from '../language-sync/language-sync.module';
import { LifecycleEventEntity } from '../lifecycle/lifecycle-event.entity';
import { TenantEntity } from './tenant.entity';
import { TenantBlockList } from './tenant-block-list';
import { TenantBlockListResync } from './tenant-block-list-resync';
import { TenantTransitions } from './tenant-transitions';
import { TenantsHandler } from './tenants.handler';
import { TenantsInternalHandler } from './tenants-internal.handler';
import { TenantsRepository } from './tenants.repository';
import { TenantsService } from './tenants.service';

@Module({
  controllers: [TenantsHandler, TenantsInternalHandler],
  exports: [TenantTransitions, TenantsRepository, TenantsService],
  imports: [LanguageSyncModule, TypeOrmModule.forFeature([LifecycleEventEntity, TenantEntity])],
  providers: [TenantBlockList, TenantBlockListResync, TenantTransitions, TenantsRepository, TenantsService],
})
export class TenantsModule {}
