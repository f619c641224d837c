import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import {
  DomainError,
  ErrorCode,
  validationFailed,
  type LoginResponse,
  type OAuthExchangeResponse,
  type OAuthInitiateResponse,
  type OAuthRegisterResponse,
  type PostAuthOauthExchangeBody,
  type PostAuthOauthInitiateBody,
  type PostAuthOauthRegisterBody,
  type RequestContext,
} from '@lib/contracts';
import { EventPublisher, SERVICE_ENV } from '@lib/transport';

import { AuthService, NO_TENANT, normalizeEmail } from '../auth/auth.service';
import type { IdentityEnv } from '../config';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { ExternalIdentitiesRepository } from './external-identities.repository';
import type { ConfiguredProvider } from './oauth-provider-catalogue';
import { OAuthProviderApiRepository, type ProviderProfile } from './oauth-provider-api.repository';
import { OAuthProvidersService } from './oauth-providers.service';
import { OAuthSecretsService } from './oauth-secrets.service';
import { OAuthStatesRepository, type OAuthFlowState } from './oauth-states.repository';
import { RedirectAllowlist } from './redirect-allowlist';
import { RegistrationTicketsRepository, type RegistrationTicket } from './registration-tickets.repository';

const LOCALES = new Set(['en', 'de', 'fr', 'es', 'it']);
const TENANT_DOMAIN = /^[a-z0-9-]{2,63}$/;

/** A provider account whose verified email matched: who it is and which provider vouched. */
type VerifiedProfile = ProviderProfile & { email: string };

/**
 * The client callback OAuth flow (authorization code + PKCE), brokered like Auth0 or Supabase do:
 * initiate stores a single-use state and answers the provider's authorize URL; the client's callback
 * hands code and state to exchange, which signs in a known user or answers a registration ticket;
 * register turns a ticket into an account (and a tenant) without a password.
 */
@Injectable()
export class OAuthService {
  private readonly redirects: RedirectAllowlist;

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IdentityEnv,
    private readonly providers: OAuthProvidersService,
    private readonly states: OAuthStatesRepository,
    private readonly tickets: RegistrationTicketsRepository,
    private readonly links: ExternalIdentitiesRepository,
    private readonly providerApi: OAuthProviderApiRepository,
    private readonly secrets: OAuthSecretsService,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly events: EventPublisher,
  ) {
    this.redirects = new RedirectAllowlist(env.OAUTH_ALLOWED_REDIRECT_URLS ?? []);
  }

  async initiate(body: PostAuthOauthInitiateBody): Promise<OAuthInitiateResponse> {
    const provider = this.providers.get(body.provider);
    const redirectUrl = this.redirects.check(body.redirectUrl, body.clientType);
    const stateId = randomUUID();
    const pkce = this.secrets.newPkce();
    const expiresAt = new Date(Date.now() + this.env.OAUTH_STATE_TTL_SECONDS * 1000).toISOString();
    await this.states.save(
      stateId,
      { provider: provider.id, clientType: body.clientType, redirectUrl, tenantId: body.tenantId ?? null, sealedVerifier: this.secrets.seal(pkce.verifier), expiresAt },
      this.env.OAUTH_STATE_TTL_SECONDS,
    );
    return {
      data: {
        oauthUrl: authorizeUrl(provider, redirectUrl, stateId, pkce.challenge),
        provider: provider.id,
        clientType: body.clientType,
        redirectMode: 'client_callback',
        stateId,
        expiresAt,
      },
    };
  }

  async exchange(context: RequestContext, body: PostAuthOauthExchangeBody): Promise<OAuthExchangeResponse> {
    const state = await this.takeState(body.pveState);
    const provider = this.providers.get(state.provider);
    const verifier = this.secrets.open(state.sealedVerifier);
    if (!verifier) throw invalidState();
    const profile = verifiedProfile(await this.providerApi.profileForCode(provider, body.code, state.redirectUrl, verifier));
    const user = await this.findAccount(context, provider, profile);
    if (!user) return this.registrationRequired(provider, profile, state);
    const login = await this.auth.signIn(context, user, state.tenantId ?? undefined, {
      strictTenant: false,
      auditDetails: { method: 'oauth', provider: provider.id },
    });
    return {
      data: {
        status: 'authenticated',
        provider: provider.id,
        accessToken: login.accessToken,
        refreshToken: login.refreshToken,
        requiresPostAuthFlow: false,
        user: exchangeUser(login.user),
        registration: null,
      },
    };
  }

  async register(context: RequestContext, body: PostAuthOauthRegisterBody): Promise<OAuthRegisterResponse> {
    const ticketId = await this.secrets.verifyTicket(body.accessToken);
    if (!ticketId) throw invalidTicket();
    const tenantInput = createTenantInput(body);
    const secretHash = this.secrets.hash(body.refreshToken);
    const ticket = await this.tickets.take(secretHash);
    if (!ticket) throw invalidTicket();
    if (ticket.ticketId !== ticketId) {
      await this.tickets.giveBack(secretHash, ticket);
      throw invalidTicket();
    }
    let user: UserEntity;
    try {
      user = await this.createAccount(context, ticket, body, tenantInput);
    } catch (error) {
      // Nothing was created: the ticket stays usable (e.g. with another tenant domain).
      await this.tickets.giveBack(secretHash, ticket);
      throw asContractStatus(error);
    }
    const login = await this.auth.signIn(context, user, user.defaultTenantId ?? undefined, {
      strictTenant: false,
      auditDetails: { method: 'oauth', provider: ticket.provider },
    });
    return {
      success: true,
      message: 'Account and tenant created.',
      user: {
        id: user.id,
        email: user.email,
        displayName: login.user.displayName ?? user.email,
        tenantId: login.user.tenantId,
        tenantName: login.user.tenantName ?? tenantInput.name,
      },
      accessToken: login.accessToken,
      refreshToken: login.refreshToken,
      requiresPostAuthFlow: false,
    };
  }

  private async takeState(stateId: string): Promise<OAuthFlowState> {
    const state = await this.states.take(stateId);
    if (!state || new Date(state.expiresAt).getTime() <= Date.now()) throw invalidState();
    return state;
  }

  /**
   * The account of this provider account: the linked one, else the account with the same email (the
   * provider verified it, so the link is made now), else none.
   */
  private async findAccount(context: RequestContext, provider: ConfiguredProvider, profile: VerifiedProfile): Promise<UserEntity | null> {
    const now = new Date();
    const link = await this.links.find(provider.id, profile.subject);
    if (link) {
      const linked = await this.users.findById(link.userId);
      if (linked) {
        await this.links.touch(link.id, now);
        return linked;
      }
      await this.links.remove(link.id);
    }
    const user = await this.users.findByEmail(normalizeEmail(profile.email));
    if (!user) return null;
    await this.links.link({ userId: user.id, provider: provider.id, subject: profile.subject, email: user.email }, now);
    if (!user.emailVerifiedAt) await this.users.markEmailVerified(user.id, now);
    await this.events.audit(context, {
      action: 'identity.oauth.linked',
      actor: { type: 'user', id: user.id },
      resourceType: 'user',
      resourceId: user.id,
      tenantId: null,
      details: { provider: provider.id, by: 'verified-email' },
    });
    return user;
  }

  /** No account yet: a registration ticket instead of a session (design in docs/conventions.md, OAuth). */
  private async registrationRequired(provider: ConfiguredProvider, profile: VerifiedProfile, state: OAuthFlowState): Promise<OAuthExchangeResponse> {
    const ticketId = randomUUID();
    const secret = this.secrets.newTicketSecret();
    const ticket: RegistrationTicket = {
      ticketId,
      provider: provider.id,
      subject: profile.subject,
      email: normalizeEmail(profile.email),
      displayName: profile.displayName,
      avatarUrl: profile.avatarUrl,
      tenantId: state.tenantId,
      expiresAt: new Date(Date.now() + this.env.OAUTH_REGISTRATION_TTL_SECONDS * 1000).toISOString(),
    };
    await this.tickets.save(this.secrets.hash(secret), ticket);
    return {
      data: {
        status: 'registration_required',
        provider: provider.id,
        accessToken: await this.secrets.signTicket(ticketId),
        refreshToken: secret,
        requiresPostAuthFlow: true,
        user: null,
        registration: {
          email: ticket.email,
          ...(ticket.displayName ? { displayName: ticket.displayName } : {}),
          ...(ticket.avatarUrl ? { avatarUrl: ticket.avatarUrl } : {}),
          ...(ticket.tenantId ? { tenantId: ticket.tenantId } : {}),
        },
      },
    };
  }

  /** The register saga of password registration, with a passwordless, verified user and its provider link. */
  private async createAccount(
    context: RequestContext,
    ticket: RegistrationTicket,
    body: PostAuthOauthRegisterBody,
    tenantInput: { name: string; domain?: string },
  ): Promise<UserEntity> {
    if (await this.users.emailTaken(ticket.email)) {
      throw new DomainError(ErrorCode.EmailTaken, 422, 'An account with this email exists already: sign in with the provider again to use it.');
    }
    const now = new Date();
    const userId = randomUUID();
    await this.auth.registerOwner(
      context,
      {
        id: userId,
        email: ticket.email,
        passwordHash: null,
        displayName: body.displayName?.trim() || ticket.displayName,
        locale: body.locale ?? context.locale ?? 'en',
        emailVerifiedAt: now,
      },
      tenantInput,
      {
        alsoWrite: (manager) => this.links.linkWithin(manager, { userId, provider: ticket.provider, subject: ticket.subject, email: ticket.email }, now),
        auditDetails: { method: 'oauth', provider: ticket.provider },
      },
    );
    const user = await this.users.findById(userId);
    if (!user) throw new Error(`user ${userId} vanished right after its registration`);
    return user;
  }
}

/** The provider's authorize URL: code flow, our state id, the S256 challenge. */
function authorizeUrl(provider: ConfiguredProvider, redirectUrl: string, stateId: string, challenge: string): string {
  const url = new URL(provider.authorizeUrl);
  const params = {
    response_type: 'code',
    client_id: provider.clientId,
    redirect_uri: redirectUrl,
    scope: provider.scope,
    state: stateId,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...provider.authorizeParams,
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

function verifiedProfile(profile: ProviderProfile): VerifiedProfile {
  if (!profile.email) {
    throw new DomainError(ErrorCode.OAuthEmailNotVerified, 403, 'The provider reported no verified email for this account: verify it there, or register with email and password.');
  }
  return profile as VerifiedProfile;
}

/**
 * Only create_tenant is open: join_tenant needs an invitation, which the platform does not issue yet,
 * and system_tenant (an account without tenant) is for operators (create-admin), never self-service.
 */
function createTenantInput(body: PostAuthOauthRegisterBody): { name: string; domain?: string } {
  if (body.registrationMode === 'join_tenant') {
    throw new DomainError(
      ErrorCode.OAuthRegistrationModeUnavailable,
      422,
      'join_tenant needs an invitation, and this platform issues none yet: register with create_tenant, then ask a tenant admin to add you.',
    );
  }
  if (body.registrationMode === 'system_tenant') {
    throw new DomainError(ErrorCode.Forbidden, 403, 'system_tenant accounts are created by the operator only: register with create_tenant.');
  }
  const name = body.tenantName?.trim() ?? '';
  const problems = [
    ...(name.length < 2 || name.length > 255 ? [{ field: 'tenantName', messages: ['tenantName is required with create_tenant (2 to 255 characters)'] }] : []),
    ...(body.tenantDomain !== undefined && !TENANT_DOMAIN.test(body.tenantDomain)
      ? [{ field: 'tenantDomain', messages: ['tenantDomain may hold only a-z, 0-9 and hyphens (2 to 63 characters)'] }]
      : []),
    ...(body.displayName !== undefined && body.displayName.length > 255 ? [{ field: 'displayName', messages: ['displayName must be at most 255 characters'] }] : []),
    ...(body.locale !== undefined && !LOCALES.has(body.locale) ? [{ field: 'locale', messages: [`locale must be one of ${[...LOCALES].join(', ')}`] }] : []),
  ];
  if (problems.length > 0) throw validationFailed(problems.map((p) => ({ ...p, location: 'body' as const })));
  return { name, domain: body.tenantDomain };
}

/** The contract of oauth/register lists no 409: a taken email or tenant domain is a 422 there. */
function asContractStatus(error: unknown): unknown {
  if (error instanceof DomainError && error.status === 409) return new DomainError(error.code, 422, error.message, error.details);
  return error;
}

function exchangeUser(user: LoginResponse['user']): NonNullable<OAuthExchangeResponse['data']['user']> {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName ?? user.email,
    tenantId: user.tenantId ?? NO_TENANT,
    tenantName: user.tenantName ?? '',
    groups: user.groups,
    groupDetails: user.groupDetails ?? [],
    permissions: user.permissions ?? [],
    isSystemAdmin: user.isSystemAdmin,
    isTenantAdmin: user.isTenantAdmin,
  };
}

function invalidState(): DomainError {
  return new DomainError(ErrorCode.OAuthStateInvalid, 400, 'The OAuth state is unknown, expired or already used: start the sign-in again.');
}

function invalidTicket(): DomainError {
  return new DomainError(ErrorCode.OAuthTicketInvalid, 401, 'The registration ticket is invalid, expired or already used: sign in with the provider again.');
}
