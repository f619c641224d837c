import { Module, type DynamicModule } from '@nestjs/common';

import { ServiceKernelModule } from '@lib/transport';

import type { StorageEnv } from './config';
import { storageDataSource } from './data-source';

@Module({})
export class AppModule {
  static forRoot(env: StorageEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKernelModule.forRoot({ dataSource: storageDataSource, env, service: 'storage' })],
    };
  }
}
