import { IsIn, IsOptional } from 'class-validator';

import { endpoint } from '../endpoint';

export const HEALTH_LEVELS = ['basic', 'ready', 'full'] as const;
export type HealthLevel = (typeof HEALTH_LEVELS)[number];

export class HealthQuery {
  @IsOptional()
  @IsIn(HEALTH_LEVELS, { message: 'level must be one of basic, ready, full' })
  level?: HealthLevel;
}

/** Served by the gateway itself: basic answers alone, ready and full ask every service. */
export const getSystemHealth = endpoint({
  id: 'gateway.system.health',
  method: 'GET',
  path: '/api/v1/system/health',
  access: 'public',
  status: 200,
  query: HealthQuery,
});

export const getSystemInfo = endpoint({
  id: 'gateway.system.info',
  method: 'GET',
  path: '/api/v1/system/info',
  access: 'public',
  status: 200,
});

export const systemEndpoints = [getSystemHealth, getSystemInfo];
