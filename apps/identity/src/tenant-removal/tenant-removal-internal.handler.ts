import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { forgetTenant, type ForgottenTenant, type InternalRequest } from '@lib/contracts';
import { HandlesInternal } from '@lib/transport';

import { TenantRemovalService } from './tenant-removal.service';

/** Tenancy's call while deleting a tenant; never routed by the gateway. */
@Controller()
export class TenantRemovalInternalHandler {
  constructor(private readonly removal: TenantRemovalService) {}

  @HandlesInternal(forgetTenant)
  forgetTenant(@Payload() request: InternalRequest<{ tenantId: string }>): Promise<ForgottenTenant> {
    return this.removal.forget(String(request.body?.tenantId ?? ''));
  }
}
