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
