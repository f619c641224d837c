import type { EndpointDeclaration } from './endpoint';
import { systemEndpoints } from './system/system.contract';
import { referenceDataEndpoints } from './tenancy/reference-data.contract';

/** Every endpoint the platform serves. The gateway registers exactly these routes. */
export const allEndpoints: readonly EndpointDeclaration[] = [...systemEndpoints, ...referenceDataEndpoints];
