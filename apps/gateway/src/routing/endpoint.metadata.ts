import { SetMetadata } from '@nestjs/common';

import type { Access, EndpointDeclaration } from '@lib/contracts';

export const ENDPOINT_METADATA = 'platform:endpoint';
export const ACCESS_METADATA = 'platform:access';

/** Attaches the declaration to its route handler, for the access guard and the metrics. */
export const ForEndpoint = (endpoint: EndpointDeclaration) => SetMetadata(ENDPOINT_METADATA, endpoint);

/** Access level of a route that is not an endpoint declaration (the secure catch-all). */
export const RequiresAccess = (access: Access) => SetMetadata(ACCESS_METADATA, access);
