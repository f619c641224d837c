import { Module, type DynamicModule } from '@nestjs/common';

import { ServiceKernelModule } from '@lib/transport';

import type { IdentityEnv } from './config';
import { identityDataSource } from './data-source';

@Module({})
export class AppModule {
  static forRoot(env: IdentityEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKernelModule.forRoot({ dataSource: identityDataSource, env, service: 'identity' })],
    };
  }
}
