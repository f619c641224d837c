import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { TenantScopedRepository } from '@lib/persistence';

import { ApiKeyEntity } from './api-key.entity';

/** Columns a change may write: never the id or the tenant. */
export type ApiKeyChanges = Partial<Omit<ApiKeyEntity, 'id' | 'tenantId'>>;

/** `identity.api_keys`: every read, write and delete is scoped to one tenant, except the lookup by hash. */
@Injectable()
export class ApiKeysRepository extends TenantScopedRepository<ApiKeyEntity> {
  constructor(@InjectRepository(ApiKeyEntity) repository: Repository<ApiKeyEntity>) {
    super(repository);
  }

  /** The tenant's keys, newest first; the whole list without a page. */
  listNewestFirst(tenantId: string, page?: { limit?: number; offset?: number }): Promise<ApiKeyEntity[]> {
    return this.repository.find({
      where: this.scope(tenantId, {}),
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page?.limit,
      skip: page?.offset,
    });
  }

  insert(key: ApiKeyEntity): Promise<ApiKeyEntity> {
    return this.repository.save(this.repository.create(key));
  }

  /** Writes the changed columns of a key of `tenantId`; false when the tenant has no such key (any more). */
  async update(tenantId: string, id: string, changes: ApiKeyChanges): Promise<boolean> {
    const result = await this.repository.update(this.scope(tenantId, { id }), changes as QueryDeepPartialEntity<ApiKeyEntity>);
    return (result.affected ?? 0) > 0;
  }

  /**
   * The one unscoped read: the gateway knows only the key, and the key is what tells the tenant.
   * The hash is unique across tenants.
   */
  findByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.repository.findOne({ where: { keyHash } });
  }

  /**
   * Disables every key `userId` created (in `tenantId` only, when given): its creator's account was deleted or
   * left the tenant. Answers the SHA-256 hex of each such key (enabled or not): the gateway's cache entries to forget.
   */
  async disableCreatedBy(userId: string, at: Date, tenantId?: string): Promise<string[]> {
    const [rows] = (await this.repository.query(
      `UPDATE identity.api_keys SET enabled = false, updated_at = $2
        WHERE created_by = $1 AND ($3::uuid IS NULL OR tenant_id = $3::uuid)
        RETURNING key_hash`,
      [userId, at, tenantId ?? null],
    )) as [{ key_hash: string }[], number];
    return rows.map((row) => row.key_hash);
  }

  /** Whether the creator of a key still has an account (not deleted) and a membership in the key's tenant. */
  async creatorIsMember(userId: string, tenantId: string): Promise<boolean> {
    const rows = (await this.repository.query(
      `SELECT 1 FROM identity.users u
         JOIN identity.memberships m ON m.user_id = u.id AND m.tenant_id = $2
        WHERE u.id = $1 AND u.deleted_at IS NULL
        LIMIT 1`,
      [userId, tenantId],
    )) as unknown[];
    return rows.length > 0;
  }
}
