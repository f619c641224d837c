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
      secretOrKey: env.JWT_SECRET,
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
