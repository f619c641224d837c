import { Module } from '@nestjs/common';

import { SessionsModule } from '../sessions/sessions.module';
import { TenantsModule } from '../tenants/tenants.module';
import { UsersModule } from '../users/users.module';
import { MembershipsHandler } from './memberships.handler';
import { MembershipsService } from './memberships.service';

@Module({
  controllers: [MembershipsHandler],
  imports: [SessionsModule, TenantsModule, UsersModule],
  providers: [MembershipsService],
})
export class MembershipsModule {}
