import { randomUUID } from 'node:crypto';

import { provisionTenant, type RequestContext, type TenantSummary } from '@lib/contracts';
import { callInternal, NatsRpcClient } from '@lib/transport';

import { signAccessToken } from '../support/tokens';

// Tenants for the tenancy specs: created through tenancy's own internal subject (what identity's
// registration calls), so these specs need no login; tokens are signed here with the test secret.

export interface TestTenant extends TenantSummary {
  ownerId: string;
}

const internalContext: RequestContext = { requestId: `e2e-${randomUUID()}`, actor: null, tenantId: null, locale: null, ip: '127.0.0.1', userAgent: 'e2e' };

export class TenantSession {
  private readonly rpc = new NatsRpcClient();
  private connected?: Promise<void>;
  /** Unique per run, so names, domains and searches never meet another run's tenants. */
  readonly run = randomUUID().slice(0, 8);

  async newTenant(label: string): Promise<TestTenant> {
    this.connected ??= this.rpc.connect(process.env['E2E_NATS_URL'] as string, 'e2e-tenancy');
    await this.connected;
    const ownerId = randomUUID();
    const summary = await callInternal(this.rpc, provisionTenant, internalContext, {
      name: `E2E ${label} ${this.run}`,
      domain: `${label}-${this.run}.e2e.test`,
      ownerUserId: ownerId,
    });
    return { ...summary, ownerId };
  }

  async close(): Promise<void> {
    if (this.connected) await this.rpc.close();
  }
}

export function tokenOf(claims: { sub?: string; tid: string | null; role: string | null; adm?: boolean }): string {
  return signAccessToken(claims);
}

export const ownerOf = (tenant: TestTenant) => tokenOf({ sub: tenant.ownerId, tid: tenant.id, role: 'owner' });
export const adminOf = (tenant: TestTenant) => tokenOf({ tid: tenant.id, role: 'admin' });
export const memberOf = (tenant: TestTenant) => tokenOf({ tid: tenant.id, role: 'member' });
/** A system administrator acting outside any tenant (so no tenant's block applies to the token). */
export const systemAdminToken = (sub: string = randomUUID()) => tokenOf({ sub, tid: null, role: null, adm: true });
