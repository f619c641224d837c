import { endpoint } from '../endpoint';
import {
  PostTenantsLifecycleActivateBody,
  PostTenantsLifecycleArchiveBody,
  PostTenantsLifecycleReactivateBody,
  PostTenantsLifecycleSuspendBody,
  PostTenantsLifecycleUpgradeBody,
} from '../generated/tenancy/lifecycle.dto';
import { TenantIdParams } from './tenants.dto';

// Transitions (the catalogue's descriptions): activate pending → active (the trial starts) or
// inactive → active; suspend active → inactive; reactivate inactive → active; archive inactive →
// retired; upgrade the type trial → paid → enterprise. Anything else answers 409.
// Only system administrators run them; the tenant's owners and admins read the history.

export const activateTenant = endpoint({
  id: 'tenancy.lifecycle.activate',
  method: 'POST',
  path: '/api/v1/secure/tenants/{id}/lifecycle/activate',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
  body: PostTenantsLifecycleActivateBody,
});

export const suspendTenant = endpoint({
  id: 'tenancy.lifecycle.suspend',
  method: 'POST',
  path: '/api/v1/secure/tenants/{id}/lifecycle/suspend',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
  body: PostTenantsLifecycleSuspendBody,
});

export const reactivateTenant = endpoint({
  id: 'tenancy.lifecycle.reactivate',
  method: 'POST',
  path: '/api/v1/secure/tenants/{id}/lifecycle/reactivate',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
  body: PostTenantsLifecycleReactivateBody,
});

export const archiveTenant = endpoint({
  id: 'tenancy.lifecycle.archive',
  method: 'POST',
  path: '/api/v1/secure/tenants/{id}/lifecycle/archive',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
  body: PostTenantsLifecycleArchiveBody,
});

export const upgradeTenant = endpoint({
  id: 'tenancy.lifecycle.upgrade',
  method: 'POST',
  path: '/api/v1/secure/tenants/{id}/lifecycle/upgrade',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
  body: PostTenantsLifecycleUpgradeBody,
});

export const getTenantLifecycleHistory = endpoint({
  id: 'tenancy.lifecycle.history',
  method: 'GET',
  path: '/api/v1/secure/tenants/{id}/lifecycle/history',
  access: 'authenticated',
  status: 200,
  params: TenantIdParams,
});

export const lifecycleEndpoints = [activateTenant, suspendTenant, reactivateTenant, archiveTenant, upgradeTenant, getTenantLifecycleHistory];
