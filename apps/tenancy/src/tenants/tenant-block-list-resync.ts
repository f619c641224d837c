import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

import { BLOCKED_STATUSES } from '../lifecycle/lifecycle-rules';
import { TenantBlockList } from './tenant-block-list';
import { TenantsRepository } from './tenants.repository';

export const BLOCK_LIST_RESYNC_INTERVAL_MS = 60_000;
export const BLOCK_LIST_RESYNC_BATCH = 500;

/**
 * The gateway's block list lives only in Redis; the tenants table is the truth. At boot and every
 * minute the key of every tenant whose status is blocked is written again, so a Redis that lost its
 * data (restart without persistence, flush, failover) cannot let a suspended or retired tenant's
 * tokens and API keys work again for long. Keys of usable tenants are never touched here: the
 * lifecycle step that unblocks a tenant deletes its key itself.
 *
 * Deleted tenants have no row, so their 'deleted' keys are kept as they are but cannot be rebuilt:
 * a Redis wipe forgets them. That is harmless: on deletion identity removes the tenant's memberships
 * and API keys (forgetTenant) before the row goes, and its access tokens expire within 15 minutes.
 */
@Injectable()
export class TenantBlockListResync implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TenantBlockListResync.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly blockList: TenantBlockList,
    private readonly repository: TenantsRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.resync(), BLOCK_LIST_RESYNC_INTERVAL_MS);
    this.timer.unref();
    void this.resync();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The number of keys written; never throws (a failure is logged and the next run tries again). */
  resync(): Promise<number> {
    // One run at a time: a slow run (Redis or the database hanging) is not stacked up by the timer.
    this.running ??= this.writeAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async writeAll(): Promise<number> {
    let written = 0;
    try {
      let afterId: string | null = null;
      for (;;) {
        const batch = await this.repository.withTenantsInStatus(BLOCKED_STATUSES, afterId, BLOCK_LIST_RESYNC_BATCH, (tenants) =>
          this.blockList.restore(tenants),
        );
        written += batch.length;
        if (batch.length < BLOCK_LIST_RESYNC_BATCH) return written;
        afterId = batch[batch.length - 1].id;
      }
    } catch (error) {
      this.logger.error(`Could not rebuild the tenant block list (${written} keys written; retrying in ${BLOCK_LIST_RESYNC_INTERVAL_MS / 1000} s): ${(error as Error).message}`);
      return written;
    }
  }
}
