import { Module, type DynamicModule } from '@nestjs/common';

import { ServiceKernelModule } from '@lib/transport';

import type { CalendarEnv } from './config';
import { calendarDataSource } from './data-source';

@Module({})
export class AppModule {
  static forRoot(env: CalendarEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceKernelModule.forRoot({ dataSource: calendarDataSource, env, service: 'calendar' })],
    };
  }
}
