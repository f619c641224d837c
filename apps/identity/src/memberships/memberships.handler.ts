import { Controller } from '@nestjs/common';

import {
  getTenantRole,
  leaveTenant,
  listMyTenants,
  listUserTenants,
  setDefaultTenant,
  switchTenant,
  type DefaultTenantResponse,
  type LeaveTenantResponse,
  type MyTenantsResponse,
  type SwitchTenantResponse,
  type TenantRoleResponse,
  type UserTenantsResponse,
} from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { MembershipsService } from './memberships.service';

@Controller()
export class MembershipsHandler {
  constructor(private readonly memberships: MembershipsService) {}

  @Handles(listMyTenants)
  list(request: RequestOf<typeof listMyTenants>): Promise<MyTenantsResponse> {
    return this.memberships.list(request.context);
  }

  @Handles(switchTenant)
  switchTenant(request: RequestOf<typeof switchTenant>): Promise<SwitchTenantResponse> {
    return this.memberships.switchTenant(request.context, request.body.tenantId);
  }

  @Handles(getTenantRole)
  role(request: RequestOf<typeof getTenantRole>): Promise<TenantRoleResponse> {
    return this.memberships.role(request.context);
  }

  @Handles(setDefaultTenant)
  setDefault(request: RequestOf<typeof setDefaultTenant>): Promise<DefaultTenantResponse> {
    return this.memberships.setDefault(request.context, request.body.tenantId);
  }

  @Handles(leaveTenant)
  leave(request: RequestOf<typeof leaveTenant>): Promise<LeaveTenantResponse> {
    return this.memberships.leave(request.context, request.params.tenantId);
  }

  @Handles(listUserTenants)
  byEmail(request: RequestOf<typeof listUserTenants>): Promise<UserTenantsResponse> {
    return this.memberships.byEmail(request.context, request.query.email);
  }
}
