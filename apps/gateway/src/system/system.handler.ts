import type { HealthQuery, RpcRequest } from '@lib/contracts';
import { getSystemHealth, getSystemInfo } from '@lib/contracts';

import type { LocalHandler } from '../routing/local-handlers';
import type { SystemService } from './system.service';

/** The gateway-owned endpoints, answered without a hop over NATS. */
export function systemHandlers(system: SystemService): Map<string, LocalHandler> {
  return new Map<string, LocalHandler>([
    [getSystemHealth.id, (request: RpcRequest) => system.health((request.query as HealthQuery).level)],
    [getSystemInfo.id, () => system.info()],
  ]);
}
