import { createHash } from 'node:crypto';

import { JwtService } from '@nestjs/jwt';

import type { IdentityEnv } from '../config';
import { OAuthSecretsService } from './oauth-secrets.service';

const JWT_SECRET = 's'.repeat(40);
const secrets = new OAuthSecretsService({ JWT_SECRET, OAUTH_REGISTRATION_TTL_SECONDS: 600 } as IdentityEnv);

describe('OAuthSecretsService', () => {
  it('makes an S256 PKCE pair (RFC 7636: 43-character verifier, challenge = base64url(sha256(verifier)))', () => {
    const pkce = secrets.newPkce();
    expect(pkce.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pkce.challenge).toBe(createHash('sha256').update(pkce.verifier).digest('base64url'));
    expect(secrets.newPkce().verifier).not.toBe(pkce.verifier);
  });

  it('signs registration tickets the gateway cannot verify as access tokens', async () => {
    const token = await secrets.signTicket('ticket-1');
    expect(await secrets.verifyTicket(token)).toBe('ticket-1');
    expect(() => new JwtService({ secret: JWT_SECRET }).verify(token)).toThrow(/signature/);
  });

  it('refuses an access token, a tampered or an expired ticket', async () => {
    const access = new JwtService({ secret: JWT_SECRET }).sign({ sub: 'u', jti: 'ticket-1', typ: 'oauth-registration' });
    expect(await secrets.verifyTicket(access)).toBeNull();
    const token = await secrets.signTicket('ticket-1');
    expect(await secrets.verifyTicket(`${token.slice(0, -2)}xx`)).toBeNull();
    const shortLived = new OAuthSecretsService({ JWT_SECRET, OAUTH_REGISTRATION_TTL_SECONDS: -1 } as IdentityEnv);
    expect(await secrets.verifyTicket(await shortLived.signTicket('ticket-2'))).toBeNull();
  });

  it('seals so that only this key opens, and detects tampering', () => {
    const sealed = secrets.seal('the-verifier');
    expect(sealed).not.toContain('the-verifier');
    expect(secrets.open(sealed)).toBe('the-verifier');
    const other = new OAuthSecretsService({ JWT_SECRET: 'o'.repeat(40), OAUTH_REGISTRATION_TTL_SECONDS: 600 } as IdentityEnv);
    expect(other.open(sealed)).toBeNull();
    const [iv, tag, body] = sealed.split('.');
    expect(secrets.open([iv, tag, `${body.slice(0, -1)}${body.endsWith('A') ? 'B' : 'A'}`].join('.'))).toBeNull();
    expect(secrets.open('garbage')).toBeNull();
  });
});
