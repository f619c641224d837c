import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { provisionOwner, type InternalRequest, type ProvisionOwnerBody } from '@lib/contracts';
import { HandlesInternal } from '@lib/transport';

import { AuthService } from './auth.service';

/** Identity's answers to other services (tenancy's tenant creation); never routed by the gateway. */
@Controller()
export class AuthInternalHandler {
  constructor(private readonly auth: AuthService) {}

  @HandlesInternal(provisionOwner)
  provisionOwner(@Payload() request: InternalRequest<ProvisionOwnerBody>): Promise<{ userId: string }> {
    return this.auth.provisionOwner(request.context, request.body);
  }
}
