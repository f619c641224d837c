import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

import type { SuccessBodyOf } from '../client/platform-client';
import { PaginationQuery, SearchablePageQuery } from '../common/query.dto';
import type {
  createTenant,
  getTenant,
  getTenantDashboard,
  getTenantInfo,
  getTenantLanguageSyncStatus,
  getTenantLogRetention,
  getTenantOauthRedirectUris,
  getTenantTranslationCoverage,
  listTenantLanguageSyncHistory,
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

/** Language sync jobs: what the catalogue calls operation and status. */
export const LANGUAGE_SYNC_OPERATIONS = ['add', 'remove'] as const;
export type LanguageSyncOperation = (typeof LANGUAGE_SYNC_OPERATIONS)[number];
export const LANGUAGE_SYNC_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;
export type LanguageSyncStatus = (typeof LANGUAGE_SYNC_STATUSES)[number];

export class LanguageSyncStatusQuery {
  @IsOptional()
  @IsUUID('loose', { message: 'jobId must be a language sync job id (UUID)' })
  jobId?: string;
}

/** Newest first; each filter narrows the page. */
export class LanguageSyncHistoryQuery extends PaginationQuery {
  @IsOptional()
  @IsIn(LANGUAGE_SYNC_STATUSES)
  status?: LanguageSyncStatus;

  @IsOptional()
  @IsIn(LANGUAGE_SYNC_OPERATIONS)
  operation?: LanguageSyncOperation;

  @IsOptional()
  @Matches(/^[a-z]{2}$/, { message: 'language_code must be an ISO 639-1 code such as "de"' })
  language_code?: string;
}

// Response bodies: the catalogue's schemas, as generated into ResponseBodies.

export type TenantListResponse = SuccessBodyOf<typeof listTenants>;
export type TenantResponse = SuccessBodyOf<typeof getTenant>;
export type TenantBody = TenantResponse['data'];
export type TenantCreatedResponse = SuccessBodyOf<typeof createTenant>;
export type TenantUpdatedResponse = SuccessBodyOf<typeof updateTenant>;
export type TenantLogRetentionResponse = SuccessBodyOf<typeof getTenantLogRetention>;
export type TenantLogRetentionUpdatedResponse = SuccessBodyOf<typeof updateTenantLogRetention>;
export type TenantDashboardResponse = SuccessBodyOf<typeof getTenantDashboard>;
export type TenantDashboard = TenantDashboardResponse['data'];
export type TenantInfoResponse = SuccessBodyOf<typeof getTenantInfo>;
export type LanguageSyncStatusResponse = SuccessBodyOf<typeof getTenantLanguageSyncStatus>;
export type LanguageSyncHistoryResponse = SuccessBodyOf<typeof listTenantLanguageSyncHistory>;
export type LanguageSyncJobBody = LanguageSyncHistoryResponse['data'][number];
export type TenantOauthRedirectUrisResponse = SuccessBodyOf<typeof getTenantOauthRedirectUris>;
export type TranslationCoverageResponse = SuccessBodyOf<typeof getTenantTranslationCoverage>;
export type TranslationCoverage = TranslationCoverageResponse['data']['spaces'];

/** The tenant's first owner (or admin), as identity reports it: never a password or hash. */
export type TenantAdminBody = {
  id: string;
  email: string;
  display_name: string | null;
  created_at: string;
};

/** How to reach the platform's API. */
export type TenantApiBody = {
  base_url: string;
  docs_url: string;
  version: string;
};

/**
 * GET /tenants/{id}/developer-config answers `{data: DeveloperConfig}`; the catalogue gives no schema, so
 * this shape is ours: what a developer needs to wire an app to the tenant.
 */
export interface DeveloperConfig {
  tenant: TenantBody;
  admin: TenantAdminBody | null;
  api: TenantApiBody;
  configuration: TenantConfigurationCounts;
  domains: { primary: string; custom: string[]; oauth_redirect_uris: string[] };
}

/** How much of each kind the tenant has configured (modules not built yet count 0). */
export type TenantConfigurationCounts = {
  additional_languages: number;
  settings: number;
  groups: number;
  spaces: number;
  custom_domains: number;
};

export interface DeveloperConfigResponse {
  data: DeveloperConfig;
}
