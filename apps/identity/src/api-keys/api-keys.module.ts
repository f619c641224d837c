import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyCacheRepository } from './api-key-cache.repository';
import { ApiKeySecretsService } from './api-key-secrets.service';
import { ApiKeysHandler } from './api-keys.handler';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';

@Module({
  controllers: [ApiKeysHandler],
  imports: [TypeOrmModule.forFeature([ApiKeyEntity])],
  providers: [ApiKeyCacheRepository, ApiKeySecretsService, ApiKeysRepository, ApiKeysService],
  exports: [ApiKeyCacheRepository, ApiKeysService],
})
export class ApiKeysModule {}
