import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength, ValidateBy } from 'class-validator';

import { BaseEnv, commaSeparated, loadEnv } from '@lib/platform';

/** Environment of the gateway (see the config table in the README). */
export class GatewayEnv extends BaseEnv {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  GATEWAY_PORT = 3000;

  /** Address to listen on; 0.0.0.0 in containers. */
  @IsString()
  GATEWAY_HOST = '127.0.0.1';

  /** HMAC secret of access tokens; at least 32 characters. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  /** Bearer token for /metrics; /metrics is off when unset. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** Comma-separated allowed origins (`*` for any); CORS is off when unset. */
  @IsOptional()
  @Transform(commaSeparated)
  @IsString({ each: true })
  CORS_ORIGINS?: string[];

  /** Largest accepted request body, in bytes (default 1 MiB). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1_048_576;

  /** How long the gateway waits for a service's answer before 504. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  RPC_TIMEOUT_MS = 10_000;

  /** How long /system/health waits for each service's report. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  HEALTH_TIMEOUT_MS = 2_000;

  /** Requests a minute per client address on public routes. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PUBLIC_PER_MINUTE = 600;

  /** Requests a minute per tenant (or per user without a tenant) on secure routes. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_TENANT_PER_MINUTE = 6000;

  /** Requests a minute per API key. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_API_KEY_PER_MINUTE = 3000;

  /**
   * Which X-Forwarded-For entries to believe: the number of proxies in front of the gateway (0: none, the
   * socket address is the client), or their addresses/CIDRs, comma-separated. Never "true": trusting every
   * hop takes the leftmost entry, which the client writes itself (IP whitelists and login limits).
   */
  @Transform(({ value }) => trustedProxies(value))
  @ValidateBy({
    name: 'trustProxy',
    validator: {
      validate: (value: unknown) => (Number.isInteger(value) && (value as number) >= 0) || (Array.isArray(value) && value.length > 0),
      defaultMessage: () =>
        'TRUST_PROXY must be the number of proxies in front of the gateway (0, 1, 2…) or their addresses/CIDRs, comma-separated; "true" would let clients pick their own address',
    },
  })
  TRUST_PROXY: number | string[] = 0;
}

/** "1" → 1 hop; "10.0.0.0/8, 192.0.2.1" → those proxies; "false"/"" → 0; anything else is left for the validator to refuse. */
export function trustedProxies(value: unknown): unknown {
  if (value === undefined || value === '' || value === 'false') return 0;
  if (typeof value !== 'string') return value;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  if (value.trim() === 'true') return value;
  return commaSeparated({ value });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayEnv {
  return loadEnv(GatewayEnv, env);
}

export const GATEWAY_ENV = Symbol('GATEWAY_ENV');
