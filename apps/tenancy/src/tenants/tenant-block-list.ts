import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

import { DomainError, ErrorCode, tenantBlockedKey, type TenantStatusName } from '@lib/contracts';
import { REDIS } from '@lib/transport';

import { isBlockedStatus } from '../lifecycle/lifecycle-rules';

/**
 * Tells the gateway which tenants' tokens and API keys to refuse: `tenancy:tenant-blocked:<id>` =
 * the status while the tenant is not usable, absent while it is.
 */
@Injectable()
export class TenantBlockList {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async sync(tenantId: string, status: TenantStatusName): Promise<void> {
    await this.run(() => (isBlockedStatus(status) ? this.redis.set(tenantBlockedKey(tenantId), status) : this.redis.del(tenantBlockedKey(tenantId))));
  }

  /** A deleted tenant's credentials must stop working too (identity may still hold its keys). */
  async blockDeleted(tenantId: string): Promise<void> {
    await this.run(() => this.redis.set(tenantBlockedKey(tenantId), 'deleted'));
  }

  /**
   * Writes the keys of blocked tenants again in one MSET (the resync after Redis lost its data).
   * Fails with Redis' own error: the resync logs it and tries again later.
   */
  async restore(tenants: ReadonlyArray<{ id: string; status: TenantStatusName }>): Promise<void> {
    const blocked = tenants.filter((tenant) => isBlockedStatus(tenant.status));
    if (blocked.length) await this.redis.mset(...blocked.flatMap((tenant) => [tenantBlockedKey(tenant.id), tenant.status]));
  }

  async clear(tenantId: string): Promise<void> {
    await this.run(() => this.redis.del(tenantBlockedKey(tenantId)));
  }

  private async run(command: () => Promise<unknown>): Promise<void> {
    try {
      await command();
    } catch (error) {
      throw new DomainError(ErrorCode.ServiceUnavailable, 503, 'Redis is unavailable, so the tenant cannot change now. Try again shortly.', undefined, error);
    }
  }
}
