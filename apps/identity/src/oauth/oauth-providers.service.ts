import { Inject, Injectable } from '@nestjs/common';

import { DomainError, ErrorCode, type OAuthProviderId, type ProvidersResponse } from '@lib/contracts';
import { SERVICE_ENV } from '@lib/transport';

import type { IdentityEnv } from '../config';
import { configuredProviders, type ConfiguredProvider } from './oauth-provider-catalogue';

/** The OAuth providers the operator configured (OAUTH_<PROVIDER>_CLIENT_ID/_CLIENT_SECRET). */
@Injectable()
export class OAuthProvidersService {
  private readonly providers: Map<OAuthProviderId, ConfiguredProvider>;

  constructor(@Inject(SERVICE_ENV) env: IdentityEnv) {
    this.providers = new Map(configuredProviders(env).map((p) => [p.id, p]));
  }

  /** A configured provider, or 404 OAUTH_PROVIDER_NOT_CONFIGURED (the id itself is valid, this platform does not offer it). */
  get(id: OAuthProviderId): ConfiguredProvider {
    const provider = this.providers.get(id);
    if (!provider) {
      throw new DomainError(ErrorCode.OAuthProviderNotConfigured, 404, `Sign-in with ${id} is not configured on this platform: see GET /api/v1/public/auth/providers.`);
    }
    return provider;
  }

  /** GET /public/auth/providers: the configured providers (client callback flow only) and email/password. */
  list(): ProvidersResponse {
    return {
      data: [...this.providers.values()].map((p) => ({
        id: p.id,
        name: p.name,
        enabled: true,
        icon: p.icon,
        capabilities: { server_callback: false, client_callback: true, native_mobile: false },
      })),
      emailEnabled: true,
      tenantConfig: { requireInvitation: false, allowSelfRegistration: true, passwordAuthEnabled: true, mfaRequired: false },
    };
  }
}
