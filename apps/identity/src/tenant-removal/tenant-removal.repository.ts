import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface RemovedTenantRows {
  memberships: number;
  /** SHA-256 hex of each deleted key: the gateway's cache entries to forget. */
  apiKeyHashes: string[];
}

/** Everything identity holds for one tenant, removed in one transaction. */
@Injectable()
export class TenantRemovalRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async removeTenant(tenantId: string): Promise<RemovedTenantRows> {
    return this.dataSource.transaction(async (manager) => {
      const [, memberships] = (await manager.query(`DELETE FROM identity.memberships WHERE tenant_id = $1`, [tenantId])) as [unknown, number];
      await manager.query(`UPDATE identity.users SET default_tenant_id = NULL WHERE default_tenant_id = $1`, [tenantId]);
      const [keys] = (await manager.query(`DELETE FROM identity.api_keys WHERE tenant_id = $1 RETURNING key_hash`, [tenantId])) as [{ key_hash: string }[], number];
      return { memberships, apiKeyHashes: keys.map((key) => key.key_hash) };
    });
  }
}
