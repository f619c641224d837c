import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { TenantsModule } from '../tenants/tenants.module';
import { LifecycleEventEntity } from './lifecycle-event.entity';
import { LifecycleEventsRepository } from './lifecycle-events.repository';
import { LifecycleHandler } from './lifecycle.handler';
import { LifecycleService } from './lifecycle.service';

@Module({
  controllers: [LifecycleHandler],
  imports: [TenantsModule, TypeOrmModule.forFeature([LifecycleEventEntity])],
  providers: [LifecycleEventsRepository, LifecycleService],
})
export class LifecycleModule {}
