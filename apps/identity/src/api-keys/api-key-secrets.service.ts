import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

/** A freshly issued key: the full key (shown once), what is stored of it, and its public parts. */
export interface IssuedApiKey {
  fullKey: string;
  keyHash: string;
  keyPreview: string;
  keyUuid: string;
}

const SECRET_BYTES = 32;

/**
 * Issues keys `pk_<prefix>_<secret>`: the prefix is the first 8 hex digits of the key's public UUID (so a
 * leaked key can be told apart in logs and support tickets), the secret 32 random bytes in base64url (256 bits).
 */
@Injectable()
export class ApiKeySecretsService {
  /** A new key; pass the key's UUID to keep its prefix (rotation). */
  issue(keyUuid: string = randomUUID()): IssuedApiKey {
    const prefix = keyUuid.replace(/-/g, '').slice(0, 8);
    const fullKey = `pk_${prefix}_${randomBytes(SECRET_BYTES).toString('base64url')}`;
    return { fullKey, keyHash: this.hash(fullKey), keyPreview: `pk_${prefix}_...${fullKey.slice(-4)}`, keyUuid };
  }

  /** SHA-256 hex of the full key: what is stored, and what the gateway looks keys up by. */
  hash(fullKey: string): string {
    return createHash('sha256').update(fullKey).digest('hex');
  }
}
