import { Module, type DynamicModule } from '@nestjs/common';

import { ServiceKernelModule } from '@lib/transport';

import type { IntegrationsEnv } from './config';
import { integrationsDataSource } from './data-source';

@Module({})
export class AppModule {
  static forRoot(env: IntegrationsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKernelModule.forRoot({ dataSource: integrationsDataSource, env, service: 'integrations' })],
    };
  }
}
