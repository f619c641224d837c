import { Controller, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';

import type { ServiceHealthReport } from '@lib/platform';

import { systemHealthSubject } from '../nats-options';
import { HealthService } from './health.service';

/** Answers the gateway's `<service>.system.health` request with this service's dependency report. */
export function systemHealthController(service: string): Type {
  @Controller()
  class SystemHealthController {
    constructor(private readonly health: HealthService) {}

    @MessagePattern(systemHealthSubject(service))
    report(): Promise<ServiceHealthReport> {
      return this.health.report(service);
    }
  }
  return SystemHealthController;
}
