import { Controller } from '@nestjs/common';

import {
  listProviders,
  oauthExchange,
  oauthInitiate,
  oauthRegister,
  type OAuthExchangeResponse,
  type OAuthInitiateResponse,
  type OAuthRegisterResponse,
  type ProvidersResponse,
} from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { OAuthProvidersService } from './oauth-providers.service';
import { OAuthService } from './oauth.service';

@Controller()
export class OAuthHandler {
  constructor(
    private readonly oauth: OAuthService,
    private readonly providers: OAuthProvidersService,
  ) {}

  @Handles(listProviders)
  providersList(): ProvidersResponse {
    return this.providers.list();
  }

  @Handles(oauthInitiate)
  initiate(request: RequestOf<typeof oauthInitiate>): Promise<OAuthInitiateResponse> {
    return this.oauth.initiate(request.body);
  }

  @Handles(oauthExchange)
  exchange(request: RequestOf<typeof oauthExchange>): Promise<OAuthExchangeResponse> {
    return this.oauth.exchange(request.context, request.body);
  }

  @Handles(oauthRegister)
  register(request: RequestOf<typeof oauthRegister>): Promise<OAuthRegisterResponse> {
    return this.oauth.register(request.context, request.body);
  }
}
