import { randomUUID } from 'node:crypto';

import { JwtService } from '@nestjs/jwt';

/** Claims of a test access token; each left out gets a fresh value (a user acting as owner of some tenant). */
export interface TestClaims {
  sub?: string;
  tid?: string | null;
  role?: string | null;
  sid?: string;
  adm?: boolean;
}

/**
 * Signs an access token as identity would, with the stack's JWT secret (the gateway only checks the
 * signature and the claims, so specs need no login for routes that are not about logging in).
 */
export function signAccessToken(claims: TestClaims = {}, options: { secret?: string; expiresIn?: number } = {}): string {
  return new JwtService().sign(
    {
      sub: claims.sub ?? randomUUID(),
      tid: claims.tid === undefined ? randomUUID() : claims.tid,
      role: claims.role === undefined ? 'owner' : claims.role,
      sid: claims.sid ?? randomUUID(),
      adm: claims.adm ?? false,
    },
    { secret: options.secret ?? (process.env['E2E_JWT_SECRET'] as string), expiresIn: options.expiresIn ?? 60 },
  );
}
