import { Controller } from '@nestjs/common';

import {
  activateTenant,
  archiveTenant,
  getTenantLifecycleHistory,
  reactivateTenant,
  suspendTenant,
  upgradeTenant,
  type LifecycleHistoryResponse,
  type LifecycleTenantResponse,
} from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { LifecycleService } from './lifecycle.service';

@Controller()
export class LifecycleHandler {
  constructor(private readonly lifecycle: LifecycleService) {}

  @Handles(activateTenant)
  activate(request: RequestOf<typeof activateTenant>): Promise<LifecycleTenantResponse> {
    return this.lifecycle.changeStatus(request.context, request.params.id, 'activate', request.body.reason);
  }

  @Handles(suspendTenant)
  suspend(request: RequestOf<typeof suspendTenant>): Promise<LifecycleTenantResponse> {
    return this.lifecycle.changeStatus(request.context, request.params.id, 'suspend', request.body.reason);
  }

  @Handles(reactivateTenant)
  reactivate(request: RequestOf<typeof reactivateTenant>): Promise<LifecycleTenantResponse> {
    return this.lifecycle.changeStatus(request.context, request.params.id, 'reactivate', request.body.reason);
  }

  @Handles(archiveTenant)
  archive(request: RequestOf<typeof archiveTenant>): Promise<LifecycleTenantResponse> {
    return this.lifecycle.changeStatus(request.context, request.params.id, 'archive', request.body.reason);
  }

  @Handles(upgradeTenant)
  upgrade(request: RequestOf<typeof upgradeTenant>): Promise<LifecycleTenantResponse> {
    return this.lifecycle.upgrade(request.context, request.params.id, request.body);
  }

  @Handles(getTenantLifecycleHistory)
  history(request: RequestOf<typeof getTenantLifecycleHistory>): Promise<LifecycleHistoryResponse> {
    return this.lifecycle.history(request.context, request.params.id);
  }
}
