import type { EndpointDeclaration } from './endpoint';
import { authEndpoints } from './identity/auth.contract';
import { apiKeysEndpoints } from './identity/api-keys.contract';
import { systemEndpoints } from './system/system.contract';
import { referenceDataEndpoints } from './tenancy/reference-data.contract';
import { lifecycleEndpoints } from './tenancy/lifecycle.contract';
import { tenantsEndpoints } from './tenancy/tenants.contract';

/** Every endpoint the platform serves. The gateway registers exactly these routes. */
export const allEndpoints: readonly EndpointDeclaration[] = [...systemEndpoints, ...referenceDataEndpoints, ...tenantsEndpoints, ...lifecycleEndpoints, ...apiKeysEndpoints, ...authEndpoints];
