import { endpoint } from '../endpoint';
import { PatchTenantsBody, PatchTenantsLogRetentionBody, PostTenantsBody } from '../generated/tenancy/tenants.dto';
import { ListTenantsQuery, TenantIdParams } from './tenants.dto';

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

export const tenantsEndpoints = [
  listTenants,
  createTenant,
  getTenant,
  updateTenant,
  deleteTenant,
  getTenantLogRetention,
  updateTenantLogRetention,
];
