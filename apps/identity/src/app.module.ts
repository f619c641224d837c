import { Module, type DynamicModule } from '@nestjs/common';

import { ServiceKernelModule } from '@lib/transport';

import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuthModule } from './auth/auth.module';
import type { IdentityEnv } from './config';
import { identityDataSource } from './data-source';
import { MembershipsModule } from './memberships/memberships.module';
import { TenantRemovalModule } from './tenant-removal/tenant-removal.module';
import { OAuthModule } from './oauth/oauth.module';

@Module({})
export class AppModule {
  static forRoot(env: IdentityEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKernelModule.forRoot({ dataSource: identityDataSource, env, service: 'identity' }), ApiKeysModule, AuthModule, MembershipsModule, OAuthModule, TenantRemovalModule],
    };
  }
}
