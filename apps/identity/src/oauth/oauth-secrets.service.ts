import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import { SERVICE_ENV } from '@lib/transport';

import type { IdentityEnv } from '../config';

/** The `typ` claim of a registration ticket: nothing else is accepted as one. */
export const REGISTRATION_TICKET_TYPE = 'oauth-registration';

/** A PKCE pair (RFC 7636): the verifier stays here, the S256 challenge goes to the provider. */
export interface Pkce {
  verifier: string;
  challenge: string;
}

/**
 * Secrets of the OAuth flow. Every key is derived from JWT_SECRET with its own label, so a registration
 * ticket is not an access token: the gateway, which verifies access tokens with JWT_SECRET itself,
 * cannot verify a ticket and refuses it as a bearer token.
 */
@Injectable()
export class OAuthSecretsService {
  private readonly ticketJwt: JwtService;
  private readonly sealingKey: Buffer;

  constructor(@Inject(SERVICE_ENV) private readonly env: IdentityEnv) {
    this.ticketJwt = new JwtService({ secret: deriveKey(env.JWT_SECRET, 'oauth-registration-ticket'), signOptions: { algorithm: 'HS256' } });
    this.sealingKey = deriveKey(env.JWT_SECRET, 'oauth-state-sealing');
  }

  newPkce(): Pkce {
    const verifier = randomBytes(32).toString('base64url');
    return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
  }

  /** `ort_` + 32 random bytes: the opaque half of a registration ticket, stored only as its SHA-256. */
  newTicketSecret(): string {
    return `ort_${randomBytes(32).toString('base64url')}`;
  }

  hash(value: string): string {
    return createHash('sha256').update(value).digest('hex');
  }

  /** The signed half of a registration ticket: names the ticket (jti), expires with it. */
  signTicket(ticketId: string): Promise<string> {
    return this.ticketJwt.signAsync({ typ: REGISTRATION_TICKET_TYPE }, { jwtid: ticketId, expiresIn: this.env.OAUTH_REGISTRATION_TTL_SECONDS });
  }

  /** The ticket id of a valid, unexpired registration ticket JWT; null for anything else. */
  async verifyTicket(token: string): Promise<string | null> {
    try {
      const claims = await this.ticketJwt.verifyAsync<{ typ?: string; jti?: string }>(token, { algorithms: ['HS256'] });
      return claims.typ === REGISTRATION_TICKET_TYPE && typeof claims.jti === 'string' ? claims.jti : null;
    } catch {
      return null;
    }
  }

  /** AES-256-GCM, so the PKCE verifier is not readable in Redis. */
  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealingKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
  }

  /** The sealed value, or null when it was tampered with or sealed under another key. */
  open(sealed: string): string | null {
    const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    if (!iv || !tag || !body) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.sealingKey, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

function deriveKey(secret: string, label: string): Buffer {
  return createHmac('sha256', secret).update(label).digest();
}
