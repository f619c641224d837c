import { IsUUID } from 'class-validator';

import type { SuccessBodyOf } from '../client/platform-client';
import { PaginationQuery } from '../common/query.dto';
import type { createApiKey, getApiKey, listApiKeys, rotateApiKey, updateApiKey } from './api-keys.contract';

export class ApiKeyIdParams {
  @IsUUID(undefined, { message: 'id must be the UUID of an API key' })
  id: string;
}

/**
 * The catalogue lists "all API keys" of the tenant and answers a bare array (no total): without `limit` the whole
 * list comes back, newest first; `limit`/`offset` page through it.
 */
export class ListApiKeysQuery extends PaginationQuery {}

// Response bodies: the catalogue's schemas, as generated into ResponseBodies.

export type ApiKeyListResponse = SuccessBodyOf<typeof listApiKeys>;
export type ApiKeyResponse = SuccessBodyOf<typeof getApiKey>;
export type ApiKeyBody = ApiKeyResponse['data'];
export type ApiKeyPermissionsBody = ApiKeyBody['permissions'];
export type ApiKeyCreatedResponse = SuccessBodyOf<typeof createApiKey>;
export type ApiKeyUpdatedResponse = SuccessBodyOf<typeof updateApiKey>;
export type ApiKeyRotatedResponse = SuccessBodyOf<typeof rotateApiKey>;
