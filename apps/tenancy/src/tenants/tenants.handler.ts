import { Controller } from '@nestjs/common';

import {
  createTenant,
  deleteTenant,
  getTenant,
  getTenantLogRetention,
  listTenants,
  updateTenant,
  updateTenantLogRetention,
  type TenantCreatedResponse,
  type TenantListResponse,
  type TenantLogRetentionResponse,
  type TenantLogRetentionUpdatedResponse,
  type TenantResponse,
  type TenantUpdatedResponse,
} from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { TenantsService } from './tenants.service';

@Controller()
export class TenantsHandler {
  constructor(private readonly tenants: TenantsService) {}

  @Handles(listTenants)
  list(request: RequestOf<typeof listTenants>): Promise<TenantListResponse> {
    return this.tenants.list(request.context, request.query);
  }

  @Handles(createTenant)
  create(request: RequestOf<typeof createTenant>): Promise<TenantCreatedResponse> {
    return this.tenants.create(request.context, request.body);
  }

  @Handles(getTenant)
  get(request: RequestOf<typeof getTenant>): Promise<TenantResponse> {
    return this.tenants.get(request.context, request.params.id);
  }

  @Handles(updateTenant)
  update(request: RequestOf<typeof updateTenant>): Promise<TenantUpdatedResponse> {
    return this.tenants.update(request.context, request.params.id, request.body);
  }

  @Handles(deleteTenant)
  delete(request: RequestOf<typeof deleteTenant>): Promise<void> {
    return this.tenants.delete(request.context, request.params.id);
  }

  @Handles(getTenantLogRetention)
  getLogRetention(request: RequestOf<typeof getTenantLogRetention>): Promise<TenantLogRetentionResponse> {
    return this.tenants.getLogRetention(request.context, request.params.id);
  }

  @Handles(updateTenantLogRetention)
  updateLogRetention(request: RequestOf<typeof updateTenantLogRetention>): Promise<TenantLogRetentionUpdatedResponse> {
    return this.tenants.updateLogRetention(request.context, request.params.id, request.body);
  }
}
