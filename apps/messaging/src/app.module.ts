import { Module, type DynamicModule } from '@nestjs/common';

import { ServiceKernelModule } from '@lib/transport';

import type { MessagingEnv } from './config';
import { messagingDataSource } from './data-source';

@Module({})
export class AppModule {
  static forRoot(env: MessagingEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKernelModule.forRoot({ dataSource: messagingDataSource, env, service: 'messaging' })],
    };
  }
}
