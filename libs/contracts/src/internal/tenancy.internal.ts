import { internalSubject } from './internal-subject';

/** What other services need to know of a tenant. */
export interface TenantSummary {
  id: string;
  name: string;
  domain: string | null;
  status: string;
  type: string;
  ownerUserId: string | null;
  /** People may join it as members by themselves (register-user): the tenant's `settings.allow_self_registration`. */
  selfRegistration: boolean;
}

export interface ProvisionTenantBody {
  name: string;
  domain?: string | null;
  ownerUserId: string;
}

/** Creates a tenant for a registering owner (identity's register saga, step 1). */
export const provisionTenant = internalSubject<ProvisionTenantBody, TenantSummary>('tenancy.internal.provision-tenant');

/** Compensation of provisionTenant when the rest of registration failed: deletes the tenant it created. */
export const deprovisionTenant = internalSubject<{ tenantId: string }, { deleted: boolean }>('tenancy.internal.deprovision-tenant');

/** Names and statuses of the given tenants (for a user's tenant list); unknown ids are left out. */
export const lookupTenants = internalSubject<{ tenantIds: string[] }, TenantSummary[]>('tenancy.internal.lookup-tenants');
