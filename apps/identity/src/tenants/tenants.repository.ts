import { Injectable, Logger } from '@nestjs/common';

import {
  deprovisionTenant,
  lookupTenants,
  provisionTenant,
  type ProvisionTenantBody,
  type RequestContext,
  type TenantSummary,
} from '@lib/contracts';
import { callInternal, NatsRpcClient } from '@lib/transport';

const NAME_CACHE_MS = 30_000;

/** Tenancy's internal subjects, as identity uses them. */
@Injectable()
export class TenantsRepository {
  private readonly logger = new Logger(TenantsRepository.name);
  private readonly names = new Map<string, { name: string; until: number }>();

  constructor(private readonly rpc: NatsRpcClient) {}

  provision(context: RequestContext, body: ProvisionTenantBody): Promise<TenantSummary> {
    return callInternal(this.rpc, provisionTenant, context, body);
  }

  async deprovision(context: RequestContext, tenantId: string): Promise<void> {
    await callInternal(this.rpc, deprovisionTenant, context, { tenantId });
  }

  /** Names and statuses by id; empty when tenancy does not answer (names are for display only). */
  async lookup(context: RequestContext, tenantIds: string[]): Promise<Map<string, TenantSummary>> {
    return (await this.tryLookup(context, tenantIds)) ?? new Map();
  }

  /**
   * A tenant's display name, remembered for 30 s: `/auth/me` shows it on every call, and a renamed
   * tenant showing its old name for a few seconds is better than a hop to tenancy per request.
   */
  async displayName(context: RequestContext, tenantId: string): Promise<string> {
    const cached = this.names.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.name;
    const name = (await this.lookup(context, [tenantId])).get(tenantId)?.name;
    if (name === undefined) return '';
    this.names.set(tenantId, { name, until: Date.now() + NAME_CACHE_MS });
    return name;
  }

  /** Like lookup, but null when tenancy does not answer (so a caller can tell "unknown tenant" from "no answer"). */
  async tryLookup(context: RequestContext, tenantIds: string[]): Promise<Map<string, TenantSummary> | null> {
    if (tenantIds.length === 0) return new Map();
    try {
      const tenants = await callInternal(this.rpc, lookupTenants, context, { tenantIds });
      return new Map(tenants.map((t) => [t.id, t]));
    } catch (error) {
      this.logger.warn(`tenant lookup failed: ${(error as Error).message}`);
      return null;
    }
  }

  /** One tenant, or a 404 when tenancy does not know it (errors of tenancy itself pass through). */
  async get(context: RequestContext, tenantId: string): Promise<TenantSummary | null> {
    const tenants = await callInternal(this.rpc, lookupTenants, context, { tenantIds: [tenantId] });
    return tenants.find((t) => t.id === tenantId) ?? null;
  }
}
