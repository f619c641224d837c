import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

import type { OAuthProviderId } from '@lib/contracts';
import { REDIS } from '@lib/transport';

/** What the provider told about a user who has no account yet: the ticket's content. */
export interface RegistrationTicket {
  ticketId: string;
  provider: OAuthProviderId;
  subject: string;
  email: string;
  displayName: string | null;
  avatarUrl: string | null;
  tenantId: string | null;
  expiresAt: string;
}

/**
 * Registration tickets in Redis, `auth:oauth-registration:<sha256 of the ticket secret>`: the secret itself
 * is never stored. Taking a ticket deletes it (GETDEL): a ticket registers one account at most.
 */
@Injectable()
export class RegistrationTicketsRepository {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async save(secretHash: string, ticket: RegistrationTicket): Promise<void> {
    await this.redis.set(key(secretHash), JSON.stringify(ticket), 'PX', remainingMs(ticket));
  }

  async take(secretHash: string): Promise<RegistrationTicket | null> {
    const raw = await this.redis.getdel(key(secretHash));
    return raw ? (JSON.parse(raw) as RegistrationTicket) : null;
  }

  /** Puts a taken ticket back for the rest of its life (a registration that failed for a fixable reason). */
  async giveBack(secretHash: string, ticket: RegistrationTicket): Promise<void> {
    const ms = remainingMs(ticket);
    if (ms > 0) await this.redis.set(key(secretHash), JSON.stringify(ticket), 'PX', ms, 'NX');
  }
}

function key(secretHash: string): string {
  return `auth:oauth-registration:${secretHash}`;
}

function remainingMs(ticket: RegistrationTicket): number {
  return Math.max(0, new Date(ticket.expiresAt).getTime() - Date.now());
}
