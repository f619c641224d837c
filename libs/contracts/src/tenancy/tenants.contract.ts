import { endpoint } from '../endpoint';
import { PatchTenantsBody, PatchTenantsLogRetentionBody, PostTenantsBody } from '../generated/tenancy/tenants.dto';
import { LanguageSyncHistoryQuery, LanguageSyncStatusQuery, ListTenantsQuery, TenantIdParams } from './tenants.dto';

// Who may do what is decided by tenancy from `context.actor`, not by the route: a system administrator
// sees and manages every tenant; anyone else only the tenant of their token (`actor.tenantId`), and
// changes it only as its owner or admin. Any other tenant's id answers 404 like a missing one.

export const listTenants = endpoint({
  id: 'tenancy.tenants.list',
  method: 'GET',
  path: '/api/v1/secure/tenants/',
  access: 'authenticated',
  status: 200,
  query: ListTenantsQuery,
});

/** System administrators only (the owner named in the body is made owner through identity). */
export const createTenant = endpoint({
  id: 'tenancy.tenants.create',
  method: 'POST',
  path: '/api/v1/secure/tenants/',
  access: 'authenticated',
  status: 201,
  body: PostTenantsBody,
});

export const getTenant = endpoint({
  id: 'tenancy.tenants.get',
  method: 'GET',
  path: '/api/v1/secure/tenants/{id}',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
});

export const updateTenant = endpoint({
  id: 'tenancy.tenants.update',
  method: 'PATCH',
  path: '/api/v1/secure/tenants/{id}',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
  body: PatchTenantsBody,
});

export const deleteTenant = endpoint({
  id: 'tenancy.tenants.delete',
  method: 'DELETE',
  path: '/api/v1/secure/tenants/{id}',
  access: 'authenticated',
  status: 204,
  params: TenantIdParams,
});

export const getTenantLogRetention = endpoint({
  id: 'tenancy.tenants.get-log-retention',
  method: 'GET',
  path: '/api/v1/secure/tenants/{id}/log-retention',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
});

export const updateTenantLogRetention = endpoint({
  id: 'tenancy.tenants.update-log-retention',
  method: 'PATCH',
  path: '/api/v1/secure/tenants/{id}/log-retention',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
  body: PatchTenantsLogRetentionBody,
});

// Read-only views of one tenant, for anyone who may see it (GET tenant's rule).

export const getTenantDashboard = endpoint({
  id: 'tenancy.tenants.get-dashboard',
  method: 'GET',
  path: '/api/v1/secure/tenants/{id}/dashboard',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
});

/** The catalogue gives no success schema: the answer is `{data: DeveloperConfig}` (tenants.dto.ts). */
export const getTenantDeveloperConfig = endpoint({
  id: 'tenancy.tenants.get-developer-config',
  method: 'GET',
  path: '/api/v1/secure/tenants/{id}/developer-config',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
});

/** A `.env` file of the tenant's configuration (no secrets). */
export const exportTenantEnv = endpoint({
  id: 'tenancy.tenants.export-env',
  method: 'GET',
  path: '/api/v1/secure/tenants/{id}/env',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
  download: { contentType: 'text/plain; charset=utf-8' },
});

export const getTenantInfo = endpoint({
  id: 'tenancy.tenants.get-info',
  method: 'GET',
  path: '/api/v1/secure/tenants/{id}/info',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
});

/** A JSON file of the tenant's configuration (no secrets). */
export const exportTenantJson = endpoint({
  id: 'tenancy.tenants.export-json',
  method: 'GET',
  path: '/api/v1/secure/tenants/{id}/json',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
  download: { contentType: 'application/json; charset=utf-8' },
});

/** With `jobId`: that job; without: the tenant's recent jobs, newest first. */
export const getTenantLanguageSyncStatus = endpoint({
  id: 'tenancy.tenants.get-language-sync-status',
  method: 'GET',
  path: '/api/v1/secure/tenants/{id}/language-sync-status',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
  query: LanguageSyncStatusQuery,
});

export const listTenantLanguageSyncHistory = endpoint({
  id: 'tenancy.tenants.list-language-sync-history',
  method: 'GET',
  path: '/api/v1/secure/tenants/{id}/language-sync/history',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
  query: LanguageSyncHistoryQuery,
});

export const getTenantOauthRedirectUris = endpoint({
  id: 'tenancy.tenants.get-oauth-redirect-uris',
  method: 'GET',
  path: '/api/v1/secure/tenants/{id}/oauth-redirect-uris',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
});

export const getTenantTranslationCoverage = endpoint({
  id: 'tenancy.tenants.get-translation-coverage',
  method: 'GET',
  path: '/api/v1/secure/tenants/{id}/translation-coverage',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
});

export const tenantsEndpoints = [
  listTenants,
  createTenant,
  getTenant,
  updateTenant,
  deleteTenant,
  getTenantLogRetention,
  updateTenantLogRetention,
  getTenantDashboard,
  getTenantDeveloperConfig,
  exportTenantEnv,
  getTenantInfo,
  exportTenantJson,
  getTenantLanguageSyncStatus,
  listTenantLanguageSyncHistory,
  getTenantOauthRedirectUris,
  getTenantTranslationCoverage,
];
