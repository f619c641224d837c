import { Module } from '@nestjs/common';

import { ApiKeysModule } from '../api-keys/api-keys.module';
import { TenantRemovalInternalHandler } from './tenant-removal-internal.handler';
import { TenantRemovalRepository } from './tenant-removal.repository';
import { TenantRemovalService } from './tenant-removal.service';

@Module({
  controllers: [TenantRemovalInternalHandler],
  imports: [ApiKeysModule],
  providers: [TenantRemovalRepository, TenantRemovalService],
})
export class TenantRemovalModule {}
