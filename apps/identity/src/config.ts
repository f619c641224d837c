import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

import { commaSeparated, loadEnv, ServiceEnv } from '@lib/platform';

/** http(s) URLs with or without a TLD: tests and self-hosted IdPs live on 127.0.0.1 or internal names. */
const ENDPOINT_URL: Parameters<typeof IsUrl>[0] = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

/** A provider's client secret is required as soon as its client id is set (and never given a default). */
const hasClientId = (provider: string) => (env: Record<string, unknown>) => env[`OAUTH_${provider}_CLIENT_ID`] !== undefined;

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

  // OAuth providers (POST /public/auth/oauth/*). A provider is usable when its CLIENT_ID is set; the URLs
  // default to the provider's well-known endpoints (apps/identity/src/oauth/oauth-provider-catalogue.ts).

  @IsOptional() @IsString() @MinLength(1) OAUTH_GOOGLE_CLIENT_ID?: string;
  @ValidateIf(hasClientId('GOOGLE')) @IsString() @MinLength(1) OAUTH_GOOGLE_CLIENT_SECRET?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_GOOGLE_AUTHORIZE_URL?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_GOOGLE_TOKEN_URL?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_GOOGLE_USERINFO_URL?: string;

  @IsOptional() @IsString() @MinLength(1) OAUTH_MICROSOFT_CLIENT_ID?: string;
  @ValidateIf(hasClientId('MICROSOFT')) @IsString() @MinLength(1) OAUTH_MICROSOFT_CLIENT_SECRET?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_MICROSOFT_AUTHORIZE_URL?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_MICROSOFT_TOKEN_URL?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_MICROSOFT_USERINFO_URL?: string;

  /** Apple's client secret is the ES256 JWT the operator signs with the Sign in with Apple key (valid up to 6 months). */
  @IsOptional() @IsString() @MinLength(1) OAUTH_APPLE_CLIENT_ID?: string;
  @ValidateIf(hasClientId('APPLE')) @IsString() @MinLength(1) OAUTH_APPLE_CLIENT_SECRET?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_APPLE_AUTHORIZE_URL?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_APPLE_TOKEN_URL?: string;

  @IsOptional() @IsString() @MinLength(1) OAUTH_FACEBOOK_CLIENT_ID?: string;
  @ValidateIf(hasClientId('FACEBOOK')) @IsString() @MinLength(1) OAUTH_FACEBOOK_CLIENT_SECRET?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_FACEBOOK_AUTHORIZE_URL?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_FACEBOOK_TOKEN_URL?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_FACEBOOK_USERINFO_URL?: string;

  @IsOptional() @IsString() @MinLength(1) OAUTH_GITHUB_CLIENT_ID?: string;
  @ValidateIf(hasClientId('GITHUB')) @IsString() @MinLength(1) OAUTH_GITHUB_CLIENT_SECRET?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_GITHUB_AUTHORIZE_URL?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_GITHUB_TOKEN_URL?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_GITHUB_USERINFO_URL?: string;
  @IsOptional() @IsUrl(ENDPOINT_URL) OAUTH_GITHUB_EMAILS_URL?: string;

  /**
   * Comma-separated client callback URLs the OAuth flow may return to, each matched by scheme, host and
   * path prefix (`https://app.example.com/auth/`, `chrome-extension://<id>/`, `app://myapp/`). Unset: no
   * OAuth flow can start (an open redirect is worse than no OAuth).
   */
  @IsOptional()
  @Transform(commaSeparated)
  @Matches(/^[a-z][a-z0-9+.-]*:\/\/[^\s/@#]+(\/\S*)?$/i, {
    each: true,
    message: 'OAUTH_ALLOWED_REDIRECT_URLS must be comma-separated absolute URLs like https://app.example.com/auth/',
  })
  OAUTH_ALLOWED_REDIRECT_URLS?: string[];

  /** How long a started OAuth flow (its state and PKCE verifier) waits for the exchange. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  OAUTH_STATE_TTL_SECONDS = 600;

  /** How long a registration ticket of an unknown OAuth user stays usable. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  OAUTH_REGISTRATION_TTL_SECONDS = 600;

  /** GET /secure/auth/client-config/realtime: where clients connect for realtime, and its public (anon) key. */
  @IsOptional() @IsUrl(ENDPOINT_URL) REALTIME_URL?: string;
  @ValidateIf((env: Record<string, unknown>) => env['REALTIME_URL'] !== undefined) @IsString() @MinLength(1) REALTIME_PUBLIC_KEY?: string;
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
