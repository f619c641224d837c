import { createHash } from 'node:crypto';

import { DomainError, type RequestContext } from '@lib/contracts';
import type { EventPublisher } from '@lib/transport';
import { rejection } from '@lib/testing';

import type { AuthService } from '../auth/auth.service';
import type { IdentityEnv } from '../config';
import type { UserEntity } from '../users/user.entity';
import type { UsersRepository } from '../users/users.repository';
import type { ExternalIdentitiesRepository } from './external-identities.repository';
import type { OAuthProviderApiRepository, ProviderProfile } from './oauth-provider-api.repository';
import { OAuthProvidersService } from './oauth-providers.service';
import { OAuthSecretsService } from './oauth-secrets.service';
import type { OAuthFlowState, OAuthStatesRepository } from './oauth-states.repository';
import { OAuthService } from './oauth.service';
import type { RegistrationTicket, RegistrationTicketsRepository } from './registration-tickets.repository';

const TENANT = '11111111-1111-4111-8111-111111111111';
const USER = '22222222-2222-4222-8222-222222222222';
const STATE = '33333333-3333-4333-8333-333333333333';
const REDIRECT = 'https://app.example.com/auth/callback';

type Mocked<T> = { [K in keyof T]: jest.Mock };

function automock<T>(methods: (keyof T)[]): Mocked<T> {
  return Object.fromEntries(
    methods.map((m) => [m, jest.fn(() => { throw new Error(`unexpected call: ${String(m)}`); })]),
  ) as unknown as Mocked<T>;
}

const env = {
  JWT_SECRET: 'j'.repeat(40),
  OAUTH_GITHUB_CLIENT_ID: 'gh-id',
  OAUTH_GITHUB_CLIENT_SECRET: 'gh-secret',
  OAUTH_ALLOWED_REDIRECT_URLS: ['https://app.example.com/auth/'],
  OAUTH_STATE_TTL_SECONDS: 600,
  OAUTH_REGISTRATION_TTL_SECONDS: 600,
} as unknown as IdentityEnv;

const context: RequestContext = { requestId: 'r', actor: null, tenantId: null, locale: null, ip: '10.0.0.1', userAgent: 'jest' };

const profile: ProviderProfile = { subject: '42', email: 'Ada@Example.com', displayName: 'Ada', avatarUrl: 'https://avatars.example/42' };

function aUser(overrides: Partial<UserEntity> = {}): UserEntity {
  return { id: USER, email: 'ada@example.com', displayName: 'Ada', emailVerifiedAt: null, isSystemAdmin: false, defaultTenantId: TENANT, ...overrides } as UserEntity;
}

const login = {
  user: { id: USER, email: 'ada@example.com', displayName: 'Ada', tenantId: TENANT, tenantName: 'Acme', groups: [], groupDetails: [], permissions: [], isSystemAdmin: false, isTenantAdmin: true },
  accessToken: 'access.jwt',
  refreshToken: 'rt_1',
  expiresIn: 900,
};

describe('OAuthService', () => {
  const secrets = new OAuthSecretsService(env);
  let states: Mocked<OAuthStatesRepository>;
  let tickets: Mocked<RegistrationTicketsRepository>;
  let links: Mocked<ExternalIdentitiesRepository>;
  let api: Mocked<OAuthProviderApiRepository>;
  let users: Mocked<UsersRepository>;
  let auth: Mocked<AuthService>;
  let events: Mocked<EventPublisher>;
  let service: OAuthService;

  function aState(overrides: Partial<OAuthFlowState> = {}): OAuthFlowState {
    return {
      provider: 'github', clientType: 'web', redirectUrl: REDIRECT, tenantId: null,
      sealedVerifier: secrets.seal('the-verifier'), expiresAt: new Date(Date.now() + 60_000).toISOString(), ...overrides,
    };
  }

  beforeEach(() => {
    states = automock<OAuthStatesRepository>(['save', 'take']);
    tickets = automock<RegistrationTicketsRepository>(['save', 'take', 'giveBack']);
    links = automock<ExternalIdentitiesRepository>(['find', 'link', 'linkWithin', 'touch', 'remove']);
    api = automock<OAuthProviderApiRepository>(['profileForCode']);
    users = automock<UsersRepository>(['findById', 'findByEmail', 'emailTaken', 'markEmailVerified']);
    auth = automock<AuthService>(['signIn', 'registerOwner']);
    events = automock<EventPublisher>(['audit']);
    events.audit.mockResolvedValue(undefined);
    service = new OAuthService(
      env, new OAuthProvidersService(env), states as never, tickets as never, links as never, api as never,
      secrets, users as never, auth as never, events as never,
    );
  });

  describe('initiate', () => {
    it('stores the flow with a sealed verifier and answers the authorize URL with the S256 challenge', async () => {
      states.save.mockResolvedValue(undefined);
      const { data } = await service.initiate({ provider: 'github', redirectUrl: REDIRECT, clientType: 'web', tenantId: TENANT });
      const [stateId, state, ttl] = states.save.mock.calls[0];
      expect([stateId, ttl]).toEqual([data.stateId, 600]);
      expect(state).toMatchObject({ provider: 'github', redirectUrl: REDIRECT, tenantId: TENANT, expiresAt: data.expiresAt });
      const verifier = secrets.open(state.sealedVerifier) as string;
      expect(JSON.stringify(state)).not.toContain(verifier);
      const url = new URL(data.oauthUrl);
      expect(url.searchParams.get('code_challenge')).toBe(createHash('sha256').update(verifier).digest('base64url'));
      expect(url.searchParams.get('state')).toBe(data.stateId);
      expect(data.oauthUrl).not.toContain('gh-secret');
    });

    it('refuses an unconfigured provider (404) and a redirect URL off the list (400) without storing anything', async () => {
      expect((await rejection(service.initiate({ provider: 'google', redirectUrl: REDIRECT, clientType: 'web' }))).status).toBe(404);
      expect((await rejection(service.initiate({ provider: 'github', redirectUrl: 'https://evil.test/auth/', clientType: 'web' }))).status).toBe(400);
      expect(states.save).not.toHaveBeenCalled();
    });
  });

  describe('exchange', () => {
    const body = { code: 'the-code', pveState: STATE };

    it('answers 400 OAUTH_STATE_INVALID for a missing or expired state, before calling the provider', async () => {
      states.take.mockResolvedValueOnce(null).mockResolvedValueOnce(aState({ expiresAt: new Date(Date.now() - 1).toISOString() }));
      for (let i = 0; i < 2; i++) expect((await rejection(service.exchange(context, body))).code).toBe('OAUTH_STATE_INVALID');
      expect(api.profileForCode).not.toHaveBeenCalled();
    });

    it('signs in the linked user, with the flow\'s tenant when the user belongs to it', async () => {
      states.take.mockResolvedValue(aState({ tenantId: TENANT }));
      api.profileForCode.mockResolvedValue(profile);
      links.find.mockResolvedValue({ id: 'link-1', userId: USER });
      links.touch.mockResolvedValue(undefined);
      users.findById.mockResolvedValue(aUser());
      auth.signIn.mockResolvedValue(login);
      const { data } = await service.exchange(context, body);
      expect(api.profileForCode).toHaveBeenCalledWith(expect.objectContaining({ id: 'github' }), 'the-code', REDIRECT, 'the-verifier');
      expect(auth.signIn).toHaveBeenCalledWith(context, aUser(), TENANT, { strictTenant: false, auditDetails: { method: 'oauth', provider: 'github' } });
      expect(data).toMatchObject({ status: 'authenticated', accessToken: 'access.jwt', refreshToken: 'rt_1', requiresPostAuthFlow: false, registration: null });
      expect(data.user).toMatchObject({ id: USER, tenantId: TENANT, tenantName: 'Acme' });
    });

    it('links an existing account with the same email (the provider verified it) and signs it in', async () => {
      states.take.mockResolvedValue(aState());
      api.profileForCode.mockResolvedValue(profile);
      links.find.mockResolvedValue(null);
      users.findByEmail.mockResolvedValue(aUser());
      links.link.mockResolvedValue(undefined);
      users.markEmailVerified.mockResolvedValue(undefined);
      auth.signIn.mockResolvedValue(login);
      expect((await service.exchange(context, body)).data.status).toBe('authenticated');
      expect(users.findByEmail).toHaveBeenCalledWith('ada@example.com');
      expect(links.link).toHaveBeenCalledWith({ userId: USER, provider: 'github', subject: '42', email: 'ada@example.com' }, expect.any(Date));
      expect(users.markEmailVerified).toHaveBeenCalledWith(USER, expect.any(Date));
      expect(events.audit).toHaveBeenCalledWith(context, expect.objectContaining({ action: 'identity.oauth.linked' }));
    });

    it('answers a registration ticket, and no session, for an unknown user', async () => {
      states.take.mockResolvedValue(aState({ tenantId: TENANT }));
      api.profileForCode.mockResolvedValue(profile);
      links.find.mockResolvedValue({ id: 'stale', userId: 'closed-account' });
      users.findById.mockResolvedValue(null);
      links.remove.mockResolvedValue(undefined);
      users.findByEmail.mockResolvedValue(null);
      tickets.save.mockResolvedValue(undefined);
      const { data } = await service.exchange(context, body);
      expect(links.remove).toHaveBeenCalledWith('stale');
      expect(auth.signIn).not.toHaveBeenCalled();
      expect(data).toMatchObject({
        status: 'registration_required', requiresPostAuthFlow: true, user: null,
        registration: { email: 'ada@example.com', displayName: 'Ada', avatarUrl: 'https://avatars.example/42', tenantId: TENANT },
      });
      const [secretHash, ticket] = tickets.save.mock.calls[0];
      expect(secretHash).toBe(secrets.hash(data.refreshToken));
      expect(JSON.stringify(ticket)).not.toContain(data.refreshToken);
      expect(await secrets.verifyTicket(data.accessToken)).toBe(ticket.ticketId);
    });

    it('answers 403 OAUTH_EMAIL_NOT_VERIFIED when the provider has no verified email', async () => {
      states.take.mockResolvedValue(aState());
      api.profileForCode.mockResolvedValue({ ...profile, email: null });
      const error = await rejection(service.exchange(context, body));
      expect([error.status, error.code]).toEqual([403, 'OAUTH_EMAIL_NOT_VERIFIED']);
    });
  });

  describe('register', () => {
    let ticket: RegistrationTicket;
    let body: { accessToken: string; refreshToken: string; registrationMode: 'create_tenant' | 'join_tenant' | 'system_tenant'; tenantName?: string };

    beforeEach(async () => {
      ticket = {
        ticketId: 'ticket-1', provider: 'github', subject: '42', email: 'ada@example.com', displayName: 'Ada',
        avatarUrl: null, tenantId: null, expiresAt: new Date(Date.now() + 60_000).toISOString(),
      };
      body = { accessToken: await secrets.signTicket('ticket-1'), refreshToken: 'ort_secret', registrationMode: 'create_tenant', tenantName: 'Acme' };
      tickets.giveBack.mockResolvedValue(undefined);
    });

    it('creates a passwordless, verified owner with its link through the register saga, then signs in', async () => {
      tickets.take.mockResolvedValue(ticket);
      users.emailTaken.mockResolvedValue(false);
      auth.registerOwner.mockImplementation(async (_c, _u, _t, extra) => {
        await extra.alsoWrite('manager');
        return { id: TENANT, name: 'Acme' };
      });
      links.linkWithin.mockResolvedValue(undefined);
      users.findById.mockImplementation(async (id: string) => aUser({ id }));
      auth.signIn.mockResolvedValue(login);
      const res = await service.register(context, body);
      expect(tickets.take).toHaveBeenCalledWith(secrets.hash('ort_secret'));
      const [, user, tenant] = auth.registerOwner.mock.calls[0];
      expect(user).toMatchObject({ email: 'ada@example.com', passwordHash: null, displayName: 'Ada', emailVerifiedAt: expect.any(Date) });
      expect(tenant).toEqual({ name: 'Acme', domain: undefined });
      expect(links.linkWithin).toHaveBeenCalledWith('manager', { userId: user.id, provider: 'github', subject: '42', email: 'ada@example.com' }, expect.any(Date));
      expect(res).toMatchObject({ success: true, accessToken: 'access.jwt', refreshToken: 'rt_1', requiresPostAuthFlow: false, user: { tenantId: TENANT } });
      expect(tickets.giveBack).not.toHaveBeenCalled();
    });

    it('answers 401 for a forged ticket JWT and a spent ticket', async () => {
      expect((await rejection(service.register(context, { ...body, accessToken: 'x.y.z' }))).status).toBe(401);
      tickets.take.mockResolvedValue(null);
      expect((await rejection(service.register(context, body))).code).toBe('OAUTH_TICKET_INVALID');
    });

    it('gives back a ticket taken with the wrong JWT', async () => {
      tickets.take.mockResolvedValue({ ...ticket, ticketId: 'another' });
      expect((await rejection(service.register(context, body))).status).toBe(401);
      expect(tickets.giveBack).toHaveBeenCalledWith(secrets.hash('ort_secret'), expect.objectContaining({ ticketId: 'another' }));
    });

    it('refuses join_tenant (422), system_tenant (403) and a missing tenantName (422) without spending the ticket', async () => {
      expect((await rejection(service.register(context, { ...body, registrationMode: 'join_tenant' }))).status).toBe(422);
      expect((await rejection(service.register(context, { ...body, registrationMode: 'system_tenant' }))).status).toBe(403);
      expect((await rejection(service.register(context, { ...body, tenantName: ' ' }))).code).toBe('VALIDATION_FAILED');
      expect(tickets.take).not.toHaveBeenCalled();
    });

    it('turns a conflict of the saga (taken domain) into a 422 and gives the ticket back', async () => {
      tickets.take.mockResolvedValue(ticket);
      users.emailTaken.mockResolvedValue(false);
      auth.registerOwner.mockRejectedValue(new DomainError('TENANT_DOMAIN_TAKEN', 409, 'taken'));
      const error = await rejection(service.register(context, body));
      expect([error.status, error.code]).toEqual([422, 'TENANT_DOMAIN_TAKEN']);
      expect(tickets.giveBack).toHaveBeenCalledWith(secrets.hash('ort_secret'), ticket);
    });
  });
});
