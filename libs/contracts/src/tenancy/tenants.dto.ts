import { IsIn, IsOptional, IsUUID } from 'class-validator';

import type { SuccessBodyOf } from '../client/platform-client';
import { SearchablePageQuery } from '../common/query.dto';
import type {
  createTenant,
  getTenant,
  getTenantLogRetention,
  listTenants,
  updateTenant,
  updateTenantLogRetention,
} from './tenants.contract';

/** The contract's tenant statuses and subscription types. */
export const TENANT_STATUSES = ['active', 'inactive', 'maintenance', 'retired', 'pending'] as const;
export type TenantStatusName = (typeof TENANT_STATUSES)[number];
export const TENANT_TYPES = ['system', 'trial', 'paid', 'enterprise'] as const;
export type TenantTypeName = (typeof TENANT_TYPES)[number];

export class TenantIdParams {
  @IsUUID('loose', { message: 'id must be a tenant id (UUID)' })
  id: string;
}

/**
 * Filters apply within what the caller may see: a system administrator's list, or the caller's own tenant.
 * `search`: part of the name, slug or domain, in any case.
 */
export class ListTenantsQuery extends SearchablePageQuery {
  @IsOptional()
  @IsIn(TENANT_STATUSES)
  status?: TenantStatusName;
}

// Response bodies: the catalogue's schemas, as generated into ResponseBodies.

export type TenantListResponse = SuccessBodyOf<typeof listTenants>;
export type TenantResponse = SuccessBodyOf<typeof getTenant>;
export type TenantBody = TenantResponse['data'];
export type TenantCreatedResponse = SuccessBodyOf<typeof createTenant>;
export type TenantUpdatedResponse = SuccessBodyOf<typeof updateTenant>;
export type TenantLogRetentionResponse = SuccessBodyOf<typeof getTenantLogRetention>;
export type TenantLogRetentionUpdatedResponse = SuccessBodyOf<typeof updateTenantLogRetention>;
