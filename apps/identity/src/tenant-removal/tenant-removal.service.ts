import { Injectable } from '@nestjs/common';

import { DomainError, ErrorCode, isUuid, type ForgottenTenant } from '@lib/contracts';

import { ApiKeyCacheRepository } from '../api-keys/api-key-cache.repository';
import { TenantRemovalRepository } from './tenant-removal.repository';

/** Identity's part of deleting a tenant: its members leave it and its API keys go, before tenancy deletes the tenant. */
@Injectable()
export class TenantRemovalService {
  constructor(
    private readonly repository: TenantRemovalRepository,
    private readonly apiKeyCache: ApiKeyCacheRepository,
  ) {}

  async forget(tenantId: string): Promise<ForgottenTenant> {
    if (!isUuid(tenantId)) throw new DomainError(ErrorCode.ValidationFailed, 422, 'tenantId must be a uuid.');
    const removed = await this.repository.removeTenant(tenantId);
    // The gateway refuses the tenant's keys already (tenancy blocks it first); this drops their cache entries.
    await Promise.all(removed.apiKeyHashes.map((hash) => this.apiKeyCache.forget(hash)));
    return { memberships: removed.memberships, apiKeys: removed.apiKeyHashes.length };
  }
}
