import { Module } from '@nestjs/common';

import { ApiKeysModule } from '../api-keys/api-keys.module';
import { SessionsModule } from '../sessions/sessions.module';
import { TenantsModule } from '../tenants/tenants.module';
import { UsersModule } from '../users/users.module';
import { MemberStatsRepository } from './member-stats.repository';
import { MemberStatsService } from './member-stats.service';
import { MembershipsHandler } from './memberships.handler';
import { MembershipsInternalHandler } from './memberships-internal.handler';
import { MembershipsService } from './memberships.service';

@Module({
  controllers: [MembershipsHandler, MembershipsInternalHandler],
  imports: [ApiKeysModule, SessionsModule, TenantsModule, UsersModule],
  providers: [MemberStatsRepository, MemberStatsService, MembershipsService],
})
export class MembershipsModule {}
