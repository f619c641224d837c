import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';

import { SessionEntity } from './session.entity';

export interface NewSession {
  id: string;
  userId: string;
  tenantId: string | null;
  familyId: string;
  refreshTokenHash: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** Reads and writes `identity.sessions`: one row per refresh token, grouped by login (family). */
@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>) {}

  async create(session: NewSession): Promise<void> {
    await this.sessions.insert({ ...session, lastUsedAt: new Date() });
  }

  findById(id: string): Promise<SessionEntity | null> {
    return this.sessions.findOne({ where: { id } });
  }

  /** The row of a refresh token, used or not (reuse detection needs the used ones). */
  findByRefreshTokenHash(refreshTokenHash: string): Promise<SessionEntity | null> {
    return this.sessions.findOne({ where: { refreshTokenHash } });
  }

  /**
   * Marks `id` as replaced by `replacedBy`, only if it is still live: of two concurrent refreshes with the
   * same token exactly one wins; the other is treated as reuse.
   */
  async markReplaced(id: string, replacedBy: string, at: Date): Promise<boolean> {
    const result = await this.sessions.update({ id, replacedBy: IsNull(), revokedAt: IsNull() }, { replacedBy, lastUsedAt: at });
    return (result.affected ?? 0) === 1;
  }

  /** Revokes every live row of the family; answers the ids of the family's rows (for the revocation list). */
  async revokeFamily(familyId: string, at: Date): Promise<string[]> {
    await this.sessions.update({ familyId, revokedAt: IsNull() }, { revokedAt: at });
    return (await this.sessions.find({ select: { id: true }, where: { familyId } })).map((s) => s.id);
  }

  /** Revokes every session of the user; answers the ids of the rows it revoked. */
  async revokeAllOfUser(userId: string, at: Date): Promise<string[]> {
    const live = await this.sessions.find({ select: { id: true }, where: { userId, revokedAt: IsNull() } });
    if (live.length === 0) return [];
    const ids = live.map((s) => s.id);
    await this.sessions.update({ id: In(ids) }, { revokedAt: at });
    return ids;
  }

  /** Points the live row of a family at another tenant: its next refresh issues tokens for that tenant. */
  async switchTenant(familyId: string, tenantId: string): Promise<void> {
    await this.sessions.update({ familyId, revokedAt: IsNull(), replacedBy: IsNull() }, { tenantId });
  }
}
