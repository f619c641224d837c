import { Module, type DynamicModule } from '@nestjs/common';

import { ServiceKernelModule } from '@lib/transport';

import { AuditEventsModule } from './audit-events/audit-events.module';
import type { AuditEnv } from './config';
import { auditDataSource } from './data-source';

@Module({})
export class AppModule {
  static forRoot(env: AuditEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKernelModule.forRoot({ dataSource: auditDataSource, env, service: 'audit' }), AuditEventsModule],
    };
  }
}
