import { createSecretKey } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

import type { Actor } from '@lib/contracts';

import { GATEWAY_ENV, type GatewayEnv } from '../config';

/** Claims of an access token. */
export interface AccessTokenClaims {
  sub: string;
  tid?: string | null;
  role?: string | null;
  sid?: string | null;
  adm?: boolean;
}

/** Verifies bearer access tokens (HS256) and turns their claims into the request's actor. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(GATEWAY_ENV) env: GatewayEnv) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a public
      // key on every verification, which cost more than the rest of an authenticated request.
      secretOrKey: createSecretKey(Buffer.from(env.JWT_SECRET)) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): Actor {
    return {
      type: 'user',
      id: claims.sub,
      tenantId: claims.tid ?? null,
      role: claims.role ?? null,
      sessionId: claims.sid ?? null,
      isSystemAdmin: claims.adm === true,
    };
  }
}
