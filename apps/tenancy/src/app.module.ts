import { Module, type DynamicModule } from '@nestjs/common';

import { ServiceKernelModule } from '@lib/transport';

import type { TenancyEnv } from './config';
import { tenancyDataSource } from './data-source';

@Module({})
export class AppModule {
  static forRoot(env: TenancyEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKernelModule.forRoot({ dataSource: tenancyDataSource, env, service: 'tenancy' })],
    };
  }
}
