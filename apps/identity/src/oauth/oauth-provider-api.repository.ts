import { Injectable, Logger } from '@nestjs/common';

import { DomainError, ErrorCode } from '@lib/contracts';

import type { ConfiguredProvider } from './oauth-provider-catalogue';

/** Who the provider says the user is. `email` is only ever a verified one. */
export interface ProviderProfile {
  subject: string;
  email: string | null;
  displayName: string | null;
  avatarUrl: string | null;
}

interface ProviderTokens {
  accessToken: string;
  idToken: string | null;
}

type Json = Record<string, unknown>;

const TIMEOUT_MS = 5_000;
const USER_AGENT = 'platform-identity';

/**
 * The provider's HTTP endpoints: the code exchange (with the PKCE verifier and the redirect URI of the
 * authorization request) and the profile. Codes, tokens and the client secret never reach a log line.
 */
@Injectable()
export class OAuthProviderApiRepository {
  private readonly logger = new Logger(OAuthProviderApiRepository.name);

  async profileForCode(provider: ConfiguredProvider, code: string, redirectUrl: string, verifier: string): Promise<ProviderProfile> {
    const tokens = await this.exchangeCode(provider, code, redirectUrl, verifier);
    switch (provider.profileStyle) {
      case 'github':
        return this.githubProfile(provider, tokens.accessToken);
      case 'facebook':
        return this.facebookProfile(provider, tokens.accessToken);
      case 'apple-id-token':
        return appleProfile(provider, tokens.idToken);
      case 'oidc-userinfo':
        return this.oidcProfile(provider, tokens.accessToken);
    }
  }

  private async exchangeCode(provider: ConfiguredProvider, code: string, redirectUrl: string, verifier: string): Promise<ProviderTokens> {
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUrl,
      client_id: provider.clientId,
      client_secret: provider.clientSecret,
      code_verifier: verifier,
    });
    const res = await this.send(provider, 'token', provider.tokenUrl, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const body = (await res.json().catch(() => ({}))) as Json;
    // GitHub answers a bad code with 200 and `{error: 'bad_verification_code'}`.
    if ((res.status >= 400 && res.status < 500) || typeof body['access_token'] !== 'string') {
      this.logger.warn(`${provider.id}: the token endpoint refused the code (HTTP ${res.status}, ${String(body['error'] ?? 'no access_token')})`);
      throw new DomainError(ErrorCode.OAuthCodeRejected, 401, 'The provider did not accept the authorization code: sign in again.');
    }
    return { accessToken: body['access_token'], idToken: typeof body['id_token'] === 'string' ? body['id_token'] : null };
  }

  private async oidcProfile(provider: ConfiguredProvider, accessToken: string): Promise<ProviderProfile> {
    const info = await this.getJson(provider, 'userinfo', requiredUrl(provider.userinfoUrl), accessToken);
    return {
      subject: stringOrNull(info['sub']) ?? missingSubject(provider),
      // Microsoft's userinfo carries no email_verified: such emails stay unverified (the nOAuth takeover).
      email: isTrue(info['email_verified']) ? stringOrNull(info['email']) : null,
      displayName: stringOrNull(info['name']),
      avatarUrl: httpUrlOrNull(info['picture']),
    };
  }

  private async githubProfile(provider: ConfiguredProvider, accessToken: string): Promise<ProviderProfile> {
    const user = await this.getJson(provider, 'user', requiredUrl(provider.userinfoUrl), accessToken);
    const emails = await this.getJson(provider, 'emails', requiredUrl(provider.emailsUrl), accessToken);
    const verified = (Array.isArray(emails) ? (emails as Json[]) : []).filter((e) => e['verified'] === true && typeof e['email'] === 'string');
    const chosen = verified.find((e) => e['primary'] === true) ?? verified[0];
    const id = user['id'];
    return {
      subject: typeof id === 'number' || typeof id === 'string' ? String(id) : missingSubject(provider),
      email: chosen ? String(chosen['email']) : null,
      displayName: stringOrNull(user['name']) ?? stringOrNull(user['login']),
      avatarUrl: httpUrlOrNull(user['avatar_url']),
    };
  }

  /** Facebook's Graph API returns an email only once the user confirmed it. */
  private async facebookProfile(provider: ConfiguredProvider, accessToken: string): Promise<ProviderProfile> {
    const me = await this.getJson(provider, 'me', requiredUrl(provider.userinfoUrl), accessToken);
    const picture = (me['picture'] as { data?: { url?: unknown } } | undefined)?.data?.url;
    return {
      subject: stringOrNull(me['id']) ?? missingSubject(provider),
      email: stringOrNull(me['email']),
      displayName: stringOrNull(me['name']),
      avatarUrl: httpUrlOrNull(picture),
    };
  }

  private async getJson(provider: ConfiguredProvider, what: string, url: string, accessToken: string): Promise<Json> {
    const res = await this.send(provider, what, url, {
      headers: { accept: 'application/json', authorization: `Bearer ${accessToken}`, 'user-agent': USER_AGENT },
    });
    if (!res.ok) {
      this.logger.warn(`${provider.id}: ${what} answered HTTP ${res.status}`);
      throw unavailable(provider);
    }
    return (await res.json().catch(() => {
      throw unavailable(provider);
    })) as Json;
  }

  /** fetch with a timeout; an unreachable provider or one answering 5xx is a provider outage. */
  private async send(provider: ConfiguredProvider, what: string, url: string, init: RequestInit): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(url, { ...init, headers: { 'user-agent': USER_AGENT, ...init.headers }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      this.logger.warn(`${provider.id}: ${what} unreachable: ${(error as Error).name}`);
      throw unavailable(provider);
    }
    if (res.status >= 500) {
      this.logger.warn(`${provider.id}: ${what} answered HTTP ${res.status}`);
      throw unavailable(provider);
    }
    return res;
  }
}

/**
 * Apple has no userinfo endpoint: the id token from its token endpoint says who signed in. It came straight
 * from Apple over TLS, which OpenID Connect Core 3.1.3.7 accepts instead of checking the signature; the
 * issuer, audience and expiry are still checked.
 */
export function appleProfile(provider: ConfiguredProvider, idToken: string | null): ProviderProfile {
  const claims = decodeJwtPayload(idToken);
  const audiences = Array.isArray(claims?.['aud']) ? claims['aud'] : [claims?.['aud']];
  const expired = typeof claims?.['exp'] !== 'number' || claims['exp'] * 1000 <= Date.now();
  if (!claims || claims['iss'] !== provider.issuer || !audiences.includes(provider.clientId) || expired) {
    throw new DomainError(ErrorCode.OAuthCodeRejected, 401, 'The provider answered without a valid id token: sign in again.');
  }
  return {
    subject: stringOrNull(claims['sub']) ?? missingSubject(provider),
    email: isTrue(claims['email_verified']) ? stringOrNull(claims['email']) : null,
    displayName: null,
    avatarUrl: null,
  };
}

function decodeJwtPayload(token: string | null): Json | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Json;
  } catch {
    return null;
  }
}

/** Providers send `email_verified` as a boolean, some (Apple) as the string "true". */
function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function httpUrlOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function requiredUrl(url: string | undefined): string {
  if (!url) throw new Error('provider definition without the URL its profile style needs');
  return url;
}

function missingSubject(provider: ConfiguredProvider): never {
  throw unavailable(provider);
}

function unavailable(provider: ConfiguredProvider): DomainError {
  return new DomainError(ErrorCode.OAuthProviderUnavailable, 503, `${provider.name} could not be reached or answered unexpectedly: try again later.`);
}
