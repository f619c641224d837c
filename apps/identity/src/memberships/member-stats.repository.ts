import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface MemberCounts {
  total: number;
  active: number;
  joinedLast30d: number;
  joinedPrevious30d: number;
}

export interface TenantAdminRow {
  id: string;
  email: string;
  displayName: string | null;
  createdAt: Date;
}

/**
 * Counts of a tenant's members (accounts not deleted). Users have no last-login column: every login and
 * every refresh writes a session row, so "logged in since" = a session row created since then.
 */
@Injectable()
export class MemberStatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async counts(tenantId: string, activeSince: Date, previousSince: Date): Promise<MemberCounts> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM identity.sessions s WHERE s.user_id = m.user_id AND s.created_at >= $2))::int AS active,
              count(*) FILTER (WHERE m.created_at >= $2)::int AS joined_last,
              count(*) FILTER (WHERE m.created_at >= $3 AND m.created_at < $2)::int AS joined_previous
         FROM identity.memberships m
         JOIN identity.users u ON u.id = m.user_id AND u.deleted_at IS NULL
        WHERE m.tenant_id = $1`,
      [tenantId, activeSince, previousSince],
    );
    return { total: row.total, active: row.active, joinedLast30d: row.joined_last, joinedPrevious30d: row.joined_previous };
  }

  /** The first owner by joining date, or the first admin when no owner is left. Never reads the password hash. */
  async firstAdmin(tenantId: string): Promise<TenantAdminRow | null> {
    const rows: { id: string; email: string; display_name: string | null; created_at: Date }[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name, u.created_at
         FROM identity.memberships m
         JOIN identity.users u ON u.id = m.user_id AND u.deleted_at IS NULL
        WHERE m.tenant_id = $1 AND m.role IN ('owner', 'admin')
        ORDER BY (m.role = 'owner') DESC, m.created_at ASC, m.id ASC
        LIMIT 1`,
      [tenantId],
    );
    const row = rows[0];
    return row ? { id: row.id, email: row.email, displayName: row.display_name, createdAt: row.created_at } : null;
  }
}
