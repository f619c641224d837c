import { internalSubject } from './internal-subject';

export interface ProvisionOwnerBody {
  tenantId: string;
  email: string;
  /** Absent: the user must exist already. */
  password?: string;
  displayName?: string;
}

/** Makes `email` the owner of a tenant created through POST /secure/tenants (creates the user if needed). */
export const provisionOwner = internalSubject<ProvisionOwnerBody, { userId: string }>('identity.internal.provision-owner');

/** The actor an API key stands for, as the gateway caches it. */
export interface ApiKeyActor {
  keyId: string;
  tenantId: string;
  userId: string | null;
  enabled: boolean;
  expiresAt: string | null;
  ipWhitelist: string[];
}

/** Resolves `X-API-Key` (by the SHA-256 hex of the full key) for the gateway; null when no such key. */
export const resolveApiKey = internalSubject<{ keyHash: string }, ApiKeyActor | null>('identity.internal.resolve-api-key');

/** Who works in a tenant, for the tenant dashboard and onboarding pages. */
export interface TenantMemberStats {
  /** Memberships of the tenant. */
  total: number;
  /** Members whose user logged in during the last 30 days. */
  active: number;
  /** Members who joined in the last 30 days, and in the 30 days before (for a trend). */
  joinedLast30d: number;
  joinedPrevious30d: number;
  /** The tenant's first owner (or first admin when no owner is left); null for an empty tenant. */
  admin: { id: string; email: string; displayName: string | null; createdAt: string } | null;
}

export const tenantMemberStats = internalSubject<{ tenantId: string }, TenantMemberStats>('identity.internal.tenant-member-stats');

/** What identity let go of when a tenant is deleted. */
export interface ForgottenTenant {
  memberships: number;
  apiKeys: number;
}

/**
 * Tenant deletion, step 1 (tenancy calls it before deleting its row): removes the tenant's memberships and
 * API keys and clears it as anyone's default tenant, so no login can land in a deleted tenant. Idempotent.
 */
export const forgetTenant = internalSubject<{ tenantId: string }, ForgottenTenant>('identity.internal.forget-tenant');

/** How to show each of these users (display name, else full name, else email); unknown and deleted users are left out. */
export const userNames = internalSubject<{ userIds: string[] }, Record<string, string>>('identity.internal.user-names');
