import { Controller } from '@nestjs/common';

import {
  createApiKey,
  deleteApiKey,
  getApiKey,
  listApiKeys,
  resolveApiKey,
  rotateApiKey,
  updateApiKey,
  type ApiKeyActor,
  type ApiKeyCreatedResponse,
  type ApiKeyListResponse,
  type ApiKeyResponse,
  type ApiKeyRotatedResponse,
  type ApiKeyUpdatedResponse,
  type InternalRequest,
} from '@lib/contracts';
import { Handles, HandlesInternal, type RequestOf } from '@lib/transport';

import { ApiKeysService } from './api-keys.service';

@Controller()
export class ApiKeysHandler {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Handles(listApiKeys)
  list(request: RequestOf<typeof listApiKeys>): Promise<ApiKeyListResponse> {
    return this.apiKeys.list(request.context, request.query);
  }

  @Handles(createApiKey)
  create(request: RequestOf<typeof createApiKey>): Promise<ApiKeyCreatedResponse> {
    return this.apiKeys.create(request.context, request.body);
  }

  @Handles(getApiKey)
  get(request: RequestOf<typeof getApiKey>): Promise<ApiKeyResponse> {
    return this.apiKeys.get(request.context, request.params.id);
  }

  @Handles(updateApiKey)
  update(request: RequestOf<typeof updateApiKey>): Promise<ApiKeyUpdatedResponse> {
    return this.apiKeys.update(request.context, request.params.id, request.body);
  }

  @Handles(deleteApiKey)
  delete(request: RequestOf<typeof deleteApiKey>): Promise<void> {
    return this.apiKeys.delete(request.context, request.params.id);
  }

  @Handles(rotateApiKey)
  rotate(request: RequestOf<typeof rotateApiKey>): Promise<ApiKeyRotatedResponse> {
    return this.apiKeys.rotate(request.context, request.params.id);
  }

  @HandlesInternal(resolveApiKey)
  resolve(request: InternalRequest<{ keyHash: string }>): Promise<ApiKeyActor | null> {
    return this.apiKeys.resolve(request.body.keyHash);
  }
}
