import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import {
  deprovisionTenant,
  lookupTenants,
  provisionTenant,
  type InternalRequest,
  type ProvisionTenantBody,
  type TenantSummary,
} from '@lib/contracts';
import { HandlesInternal } from '@lib/transport';

import { TenantsService } from './tenants.service';

/** Tenancy's answers to other services (identity's registration saga and tenant lists); never routed by the gateway. */
@Controller()
export class TenantsInternalHandler {
  constructor(private readonly tenants: TenantsService) {}

  @HandlesInternal(provisionTenant)
  provision(@Payload() request: InternalRequest<ProvisionTenantBody>): Promise<TenantSummary> {
    return this.tenants.provision(request.context, request.body);
  }

  @HandlesInternal(deprovisionTenant)
  deprovision(@Payload() request: InternalRequest<{ tenantId: string }>): Promise<{ deleted: boolean }> {
    return this.tenants.deprovision(request.context, request.body.tenantId);
  }

  @HandlesInternal(lookupTenants)
  lookup(@Payload() request: InternalRequest<{ tenantIds: string[] }>): Promise<TenantSummary[]> {
    return this.tenants.lookup(request.body.tenantIds);
  }
}
