import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, type Repository } from 'typeorm';

import { OneTimeTokenEntity, type OneTimeTokenPurpose } from './one-time-token.entity';

/** Reads and writes `identity.one_time_tokens` (reset and verification tokens, by their SHA-256 hex). */
@Injectable()
export class OneTimeTokensRepository {
  constructor(@InjectRepository(OneTimeTokenEntity) private readonly tokens: Repository<OneTimeTokenEntity>) {}

  /** Stores a new token; the user's earlier unused tokens of the same purpose stop working. */
  async replace(userId: string, purpose: OneTimeTokenPurpose, tokenHash: string, expiresAt: Date, now: Date): Promise<void> {
    await this.tokens.manager.transaction(async (manager) => {
      await manager.update(OneTimeTokenEntity, { userId, purpose, usedAt: IsNull() }, { usedAt: now });
      await manager.insert(OneTimeTokenEntity, { userId, purpose, tokenHash, expiresAt });
    });
  }

  /** The unused, unexpired token with this hash. */
  findUsable(tokenHash: string, purpose: OneTimeTokenPurpose, now: Date): Promise<OneTimeTokenEntity | null> {
    return this.tokens.findOne({ where: { tokenHash, purpose, usedAt: IsNull(), expiresAt: MoreThan(now) } });
  }

  /** Marks the token used, only if it still is unused: of two concurrent uses exactly one wins. */
  async consume(id: string, now: Date): Promise<boolean> {
    const result = await this.tokens.update({ id, usedAt: IsNull() }, { usedAt: now });
    return (result.affected ?? 0) === 1;
  }
}
