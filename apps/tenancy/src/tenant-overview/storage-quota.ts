import type { TenantTypeName } from '@lib/contracts';

const GIB = 1024 ** 3;

/**
 * Storage allowance per subscription type. There is no plan catalogue yet, so these are the
 * platform's defaults (documented in the README): trial 1 GiB, paid 100 GiB, enterprise 1 TiB,
 * system 1 TiB.
 */
export const STORAGE_LIMIT_BYTES: Record<TenantTypeName, number> = {
  trial: GIB,
  paid: 100 * GIB,
  enterprise: 1024 * GIB,
  system: 1024 * GIB,
};

/** Used, limit and the used share in percent (two decimals). */
export function storageUsage(type: TenantTypeName, usedBytes: number): { used: number; limit: number; percent: number } {
  const limit = STORAGE_LIMIT_BYTES[type];
  return { used: usedBytes, limit, percent: Math.round((usedBytes / limit) * 10_000) / 100 };
}
