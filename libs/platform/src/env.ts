import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Variables every app reads. Connection URLs have no default: a deployment must say where things are. */
export class BaseEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV = 'development';

  /** Deployment name reported by /system/info and /system/health (development, staging, production...). */
  @IsString()
  @MinLength(1)
  APP_ENV = 'development';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL = 'info';

  @Matches(/^(nats|tls):\/\/[^,\s]+(,(nats|tls):\/\/[^,\s]+)*$/, { message: 'NATS_URL must look like nats://host:4222' })
  NATS_URL: string;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL: string;
}

/** Variables of the seven NATS services. */
export class ServiceEnv extends BaseEnv {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must look like postgres://user:password@host:5432/db' })
  DATABASE_URL: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE = 10;

  /** Port of the HTTP listener for Kubernetes probes (/healthz, /readyz). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PROBE_PORT: number;
}
