import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

import { loadEnv, ServiceEnv } from '@lib/platform';

/** Environment of the identity service (see the config table in the README). */
export class IdentityEnv extends ServiceEnv {
  PROBE_PORT = 3001;

  /** HMAC secret of access tokens: the gateway's JWT_SECRET (it verifies what identity signs). */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  /** Lifetime of an access token, and of a revoked session's entry in the Redis revocation list. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(300)
  @Max(31_536_000)
  REFRESH_TOKEN_TTL_SECONDS = 2_592_000;

  /** Failed logins for one account from one address before further attempts answer 429. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_ATTEMPTS = 5;

  /** How long that lock lasts (and the window the failures are counted in). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_LOCK_SECONDS = 900;

  /** Failed logins for one account from any address per LOGIN_ACCOUNT_WINDOW_SECONDS (the slower, short lock). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  LOGIN_ACCOUNT_MAX_ATTEMPTS = 20;

  /** Kept short so that an attacker elsewhere cannot lock the owner out for long. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_ACCOUNT_WINDOW_SECONDS = 300;

  /** Failed logins from one address, whatever the account, per LOGIN_LOCK_SECONDS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  LOGIN_IP_MAX_ATTEMPTS = 100;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): IdentityEnv {
  return loadEnv(IdentityEnv, env);
}

/** Environment of `create-admin.js`: the database, and the password unless it comes on stdin. */
export class CreateAdminEnv {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must look like postgres://user:password@host:5432/db' })
  DATABASE_URL: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;
}

export function loadCreateAdminConfig(env: NodeJS.ProcessEnv = process.env): CreateAdminEnv {
  return loadEnv(CreateAdminEnv, env);
}
