import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP Password Storage Cheat Sheet, argon2id: 19 MiB of memory, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes and verifies passwords (argon2id). The only place passwords are handled. */
@Injectable()
export class PasswordsService {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  /** False for a wrong password and for a malformed or missing hash. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) return this.verifyDummy(password);
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the time of a real verification and answers false: login of an unknown email takes as long
   * as a wrong password, so timing does not tell which accounts exist.
   */
  async verifyDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hash('dummy-password-for-timing-only');
    await argon2.verify(await this.dummyHash, password).catch(() => false);
    return false;
  }
}
