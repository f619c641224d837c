import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import { SERVICE_ENV } from '@lib/transport';

import type { IdentityEnv } from '../config';

/** Claims of an access token, as the gateway's JwtStrategy reads them. */
export interface AccessClaims {
  sub: string;
  tid: string | null;
  role: string | null;
  sid: string;
  adm: boolean;
}

/** Signs access tokens and makes opaque tokens (refresh, reset, verification) with their stored hash. */
@Injectable()
export class TokensService {
  private readonly jwt: JwtService;

  constructor(@Inject(SERVICE_ENV) private readonly env: IdentityEnv) {
    this.jwt = new JwtService({ secret: env.JWT_SECRET, signOptions: { algorithm: 'HS256' } });
  }

  get accessTtlSeconds(): number {
    return this.env.ACCESS_TOKEN_TTL_SECONDS;
  }

  get refreshTtlSeconds(): number {
    return this.env.REFRESH_TOKEN_TTL_SECONDS;
  }

  signAccess(claims: AccessClaims): Promise<string> {
    return this.jwt.signAsync({ ...claims }, { expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS });
  }

  /** `rt_` + 32 random bytes (base64url). */
  newRefreshToken(): string {
    return `rt_${randomBytes(32).toString('base64url')}`;
  }

  /** 32 random bytes (base64url), for password reset and email verification links. */
  newOneTimeToken(): string {
    return randomBytes(32).toString('base64url');
  }

  newId(): string {
    return randomUUID();
  }

  /** What is stored instead of a token: its SHA-256, hex. */
  hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
