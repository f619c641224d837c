import { endpoint } from '../endpoint';
import { PatchApiKeysBody, PostApiKeysBody } from '../generated/identity/api-keys.dto';
import { ApiKeyIdParams, ListApiKeysQuery } from './api-keys.dto';

// API keys of the caller's tenant. Only owners and admins of that tenant manage them (the service checks
// the role): a key acts with tenant-admin reach (the MCP_DEVELOPER template), so members may not mint one.

export const listApiKeys = endpoint({
  id: 'identity.api-keys.list',
  method: 'GET',
  path: '/api/v1/secure/api-keys/',
  access: 'authenticated',
  status: 200,
  query: ListApiKeysQuery,
});

export const createApiKey = endpoint({
  id: 'identity.api-keys.create',
  method: 'POST',
  path: '/api/v1/secure/api-keys/',
  access: 'authenticated',
  status: 201,
  body: PostApiKeysBody,
});

export const getApiKey = endpoint({
  id: 'identity.api-keys.get',
  method: 'GET',
  path: '/api/v1/secure/api-keys/{id}',
  access: 'authenticated',
  status: 200,
  params: ApiKeyIdParams,
});

export const updateApiKey = endpoint({
  id: 'identity.api-keys.update',
  method: 'PATCH',
  path: '/api/v1/secure/api-keys/{id}',
  access: 'authenticated',
  status: 200,
  params: ApiKeyIdParams,
  body: PatchApiKeysBody,
});

export const deleteApiKey = endpoint({
  id: 'identity.api-keys.delete',
  method: 'DELETE',
  path: '/api/v1/secure/api-keys/{id}',
  access: 'authenticated',
  status: 204,
  params: ApiKeyIdParams,
});

/** The catalogue's body is an object without properties: no body DTO, so any field is refused. */
export const rotateApiKey = endpoint({
  id: 'identity.api-keys.rotate',
  method: 'POST',
  path: '/api/v1/secure/api-keys/{id}/rotate',
  access: 'authenticated',
  status: 200,
  params: ApiKeyIdParams,
});

export const apiKeysEndpoints = [listApiKeys, createApiKey, getApiKey, updateApiKey, deleteApiKey, rotateApiKey];
