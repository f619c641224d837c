import { DomainError, ErrorCode, type RequestContext } from '@lib/contracts';
import type { EventPublisher } from '@lib/transport';
import { rejection } from '@lib/testing';

import type { ApiKeysService } from '../api-keys/api-keys.service';
import type { RevocationsRepository } from '../sessions/revocations.repository';
import type { SessionEntity } from '../sessions/session.entity';
import type { SessionsRepository } from '../sessions/sessions.repository';
import type { MembershipEntity } from '../users/membership.entity';
import type { UserEntity } from '../users/user.entity';
import type { UsersRepository } from '../users/users.repository';
import { AuthService } from './auth.service';
import type { LoginAttemptsRepository } from './login-attempts.repository';
import type { PasswordsService } from './passwords.service';
import type { TenantsRepository } from '../tenants/tenants.repository';
import type { TokensService } from './tokens.service';

const TENANT = '11111111-1111-4111-8111-111111111111';
const USER = '22222222-2222-4222-8222-222222222222';

type Mocked<T> = { [K in keyof T]: jest.Mock };

/** Every method throws unless the test stubs it: an unexpected call fails the test. */
function automock<T>(methods: (keyof T)[]): Mocked<T> {
  return Object.fromEntries(
    methods.map((m) => [m, jest.fn(() => { throw new Error(`unexpected call: ${String(m)}`); })]),
  ) as unknown as Mocked<T>;
}

function context(overrides: Partial<RequestContext> = {}): RequestContext {
  return { requestId: 'req-1', actor: null, tenantId: null, locale: null, ip: '10.0.0.1', userAgent: 'jest', ...overrides };
}

function userContext(sessionId = 'sid-1'): RequestContext {
  return context({
    actor: { type: 'user', id: USER, tenantId: TENANT, role: 'owner', sessionId, isSystemAdmin: false },
    tenantId: TENANT,
  });
}

function aUser(overrides: Partial<UserEntity> = {}): UserEntity {
  return {
    id: USER,
    email: 'ada@example.com',
    passwordHash: '$argon2id$hash',
    firstName: null,
    middleName: null,
    lastName: null,
    displayName: 'Ada',
    locale: 'en',
    settings: {},
    typeDefinitionId: null,
    emailVerifiedAt: null,
    isSystemAdmin: false,
    defaultTenantId: TENANT,
    deletedAt: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

function aMembership(overrides: Partial<MembershipEntity> = {}): MembershipEntity {
  return { id: 'm-1', userId: USER, tenantId: TENANT, role: 'owner', createdAt: new Date(), updatedAt: new Date(), ...overrides };
}

function aSession(overrides: Partial<SessionEntity> = {}): SessionEntity {
  return {
    id: 'sid-1',
    userId: USER,
    tenantId: TENANT,
    familyId: 'family-1',
    refreshTokenHash: 'hash-of-rt',
    expiresAt: new Date(Date.now() + 60_000),
    revokedAt: null,
    replacedBy: null,
    lastUsedAt: null,
    ip: null,
    userAgent: null,
    createdAt: new Date(),
    ...overrides,
  };
}

describe('AuthService', () => {
  let users: Mocked<UsersRepository>;
  let sessions: Mocked<SessionsRepository>;
  let revocations: Mocked<RevocationsRepository>;
  let attempts: Mocked<LoginAttemptsRepository>;
  let tenants: Mocked<TenantsRepository>;
  let passwords: Mocked<PasswordsService>;
  let tokens: Mocked<TokensService> & { accessTtlSeconds: number; refreshTtlSeconds: number };
  let events: Mocked<EventPublisher>;
  let apiKeys: Mocked<ApiKeysService>;
  let service: AuthService;
  let ids: number;

  beforeEach(() => {
    ids = 0;
    users = automock<UsersRepository>([
      'emailTaken', 'createWithMembership', 'findWithPasswordByEmail', 'findWithPasswordById', 'findById', 'membershipsOf',
      'membership', 'update', 'setPasswordHash', 'softDelete', 'findByEmail', 'addMembership', 'profile',
    ]);
    sessions = automock<SessionsRepository>([
      'create', 'findById', 'findByRefreshTokenHash', 'markReplaced', 'revokeFamily', 'revokeAllOfUser',
    ]);
    revocations = automock<RevocationsRepository>(['revoke']);
    attempts = automock<LoginAttemptsRepository>(['reserve', 'recordFailure', 'recordSuccess', 'cancel']);
    tenants = automock<TenantsRepository>(['provision', 'deprovision', 'lookup', 'displayName']);
    passwords = automock<PasswordsService>(['hash', 'verify', 'verifyDummy']);
    tokens = Object.assign(automock<TokensService>(['signAccess', 'newRefreshToken', 'newId', 'hash']), {
      accessTtlSeconds: 900,
      refreshTtlSeconds: 3600,
    });
    events = automock<EventPublisher>(['audit']);
    apiKeys = automock<ApiKeysService>(['disableKeysOf']);
    tokens.newId.mockImplementation(() => `id-${++ids}`);
    tokens.hash.mockImplementation((t: string) => `hash-of-${t}`);
    tokens.newRefreshToken.mockImplementation(() => `rt-${++ids}`);
    tokens.signAccess.mockResolvedValue('access.jwt');
    events.audit.mockResolvedValue(undefined);
    tenants.lookup.mockResolvedValue(new Map([[TENANT, { id: TENANT, name: 'Acme' }]]));
    service = new AuthService(
      users as never, sessions as never, revocations as never, attempts as never,
      tenants as never, passwords as never, tokens as never, events as never,
      apiKeys as never,
    );
  });

  describe('register', () => {
    const body = { email: 'Ada@Example.com', password: 'correct horse', tenantName: 'Acme', tenantDomain: 'acme' };

    beforeEach(() => {
      users.emailTaken.mockResolvedValue(false);
      passwords.hash.mockResolvedValue('$argon2id$new');
      tenants.provision.mockResolvedValue({ id: TENANT, name: 'Acme', domain: 'acme', status: 'trial', type: 'standard', ownerUserId: 'id-1' });
    });

    it('provisions the tenant, then writes user and owner membership with the lower-cased email', async () => {
      users.createWithMembership.mockResolvedValue(aUser());
      const res = await service.register(context(), body);
      expect(tenants.provision).toHaveBeenCalledWith(expect.anything(), { name: 'Acme', domain: 'acme', ownerUserId: 'id-1' });
      expect(users.createWithMembership).toHaveBeenCalledWith(
        expect.objectContaining({ id: 'id-1', email: 'ada@example.com', passwordHash: '$argon2id$new' }),
        TENANT,
        'owner',
        undefined,
      );
      expect(res.user).toEqual({ id: 'id-1', email: 'ada@example.com', tenantId: TENANT });
      expect(JSON.stringify(res)).not.toContain('argon2');
      expect(events.audit).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ action: 'identity.user.registered' }));
    });

    it('refuses a taken email with 409 before creating any tenant', async () => {
      users.emailTaken.mockResolvedValue(true);
      expect((await rejection(service.register(context(), body))).status).toBe(409);
      expect(tenants.provision).not.toHaveBeenCalled();
    });

    it('deprovisions the tenant when the user cannot be written, and rethrows', async () => {
      users.createWithMembership.mockRejectedValue(new Error('db down'));
      tenants.deprovision.mockResolvedValue(undefined);
      await expect(service.register(context(), body)).rejects.toThrow('db down');
      expect(tenants.deprovision).toHaveBeenCalledWith(expect.anything(), TENANT);
    });

    it('answers 409 when a concurrent registration took the email, after compensating', async () => {
      users.createWithMembership.mockRejectedValue(Object.assign(new Error('duplicate'), { code: '23505' }));
      tenants.deprovision.mockResolvedValue(undefined);
      expect((await rejection(service.register(context(), body))).status).toBe(409);
      expect(tenants.deprovision).toHaveBeenCalledTimes(1);
    });

    it('does not call deprovision when the tenant was never created', async () => {
      tenants.provision.mockRejectedValue(new DomainError('CONFLICT', 409, 'domain taken'));
      expect((await rejection(service.register(context(), body))).status).toBe(409);
      expect(tenants.deprovision).not.toHaveBeenCalled();
    });
  });

  describe('login', () => {
    const body = { email: 'ADA@example.com', password: 'correct horse' };

    beforeEach(() => {
      attempts.reserve.mockResolvedValue({ retryAfter: 0, counts: [1, 1, 1] });
      attempts.recordFailure.mockResolvedValue(undefined);
      attempts.recordSuccess.mockResolvedValue(undefined);
      users.membershipsOf.mockResolvedValue([aMembership()]);
      sessions.create.mockResolvedValue(undefined);
    });

    it('issues tokens for the default tenant and a new session family', async () => {
      users.findWithPasswordByEmail.mockResolvedValue(aUser());
      passwords.verify.mockResolvedValue(true);
      const res = await service.login(context(), body);
      expect(users.findWithPasswordByEmail).toHaveBeenCalledWith('ada@example.com');
      expect(res).toMatchObject({ accessToken: 'access.jwt', expiresIn: 900, user: { tenantId: TENANT, tenantName: 'Acme', isTenantAdmin: true } });
      expect(tokens.signAccess).toHaveBeenCalledWith({ sub: USER, tid: TENANT, role: 'owner', sid: expect.any(String), adm: false });
      const stored = sessions.create.mock.calls[0][0];
      expect(stored.refreshTokenHash).toBe(`hash-of-${res.refreshToken}`);
      expect(attempts.reserve).toHaveBeenCalledWith('ada@example.com', '10.0.0.1');
      expect(attempts.recordSuccess).toHaveBeenCalledWith('ada@example.com', '10.0.0.1');
      expect(attempts.recordFailure).not.toHaveBeenCalled();
    });

    it('reserves the attempt before looking up the user or checking the password', async () => {
      const order: string[] = [];
      attempts.reserve.mockImplementation(async () => (order.push('reserve'), { retryAfter: 0, counts: [1, 1, 1] }));
      users.findWithPasswordByEmail.mockImplementation(async () => (order.push('find'), aUser()));
      passwords.verify.mockImplementation(async () => (order.push('verify'), false));
      attempts.recordFailure.mockImplementation(async () => void order.push('failure'));
      await rejection(service.login(context(), body));
      expect(order).toEqual(['reserve', 'find', 'verify', 'failure']);
      expect(attempts.recordFailure).toHaveBeenCalledWith('ada@example.com', '10.0.0.1', { retryAfter: 0, counts: [1, 1, 1] });
    });

    it('gives the reservation back when the password could not be checked, and rethrows', async () => {
      users.findWithPasswordByEmail.mockRejectedValue(new Error('database down'));
      attempts.cancel.mockRejectedValue(new Error('redis down too'));
      await expect(service.login(context(), body)).rejects.toThrow('database down');
      expect(attempts.cancel).toHaveBeenCalledWith('ada@example.com', '10.0.0.1');
      expect(attempts.recordFailure).not.toHaveBeenCalled();
    });

    it('answers 503 without checking the password when the counters are unavailable', async () => {
      attempts.reserve.mockRejectedValue(new DomainError(ErrorCode.ServiceUnavailable, 503, 'Login is unavailable for a moment.'));
      const error = await rejection(service.login(context(), body));
      expect(error.status).toBe(503);
      expect(users.findWithPasswordByEmail).not.toHaveBeenCalled();
      expect(passwords.verify).not.toHaveBeenCalled();
    });

    it('answers the same 401 for an unknown email (after a dummy verification) and a wrong password', async () => {
      users.findWithPasswordByEmail.mockResolvedValueOnce(null);
      passwords.verifyDummy.mockResolvedValue(false);
      const unknown = await rejection(service.login(context(), body));
      users.findWithPasswordByEmail.mockResolvedValueOnce(aUser());
      passwords.verify.mockResolvedValue(false);
      const wrong = await rejection(service.login(context(), body));
      expect(passwords.verifyDummy).toHaveBeenCalledTimes(1);
      expect([unknown.status, unknown.code, unknown.message]).toEqual([wrong.status, wrong.code, wrong.message]);
      expect(unknown.status).toBe(401);
      expect(attempts.recordFailure).toHaveBeenCalledTimes(2);
      expect(events.audit).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ action: 'identity.login.failed' }));
    });

    it('answers 429 with the wait while locked, without checking the password', async () => {
      attempts.reserve.mockResolvedValue({ retryAfter: 840, counts: [] });
      const error = await rejection(service.login(context(), body));
      expect(error.status).toBe(429);
      expect(error.details).toEqual({ retryAfterSeconds: 840 });
      expect(users.findWithPasswordByEmail).not.toHaveBeenCalled();
      expect(passwords.verify).not.toHaveBeenCalled();
      expect(passwords.verifyDummy).not.toHaveBeenCalled();
      expect(attempts.recordFailure).not.toHaveBeenCalled();
    });

    it('selects the requested tenant when the user belongs to it, else refuses', async () => {
      const other = '33333333-3333-4333-8333-333333333333';
      users.findWithPasswordByEmail.mockResolvedValue(aUser());
      passwords.verify.mockResolvedValue(true);
      users.membershipsOf.mockResolvedValue([aMembership(), aMembership({ tenantId: other, role: 'member' })]);
      await service.login(context(), { ...body, tenantId: other });
      expect(tokens.signAccess).toHaveBeenLastCalledWith(expect.objectContaining({ tid: other, role: 'member' }));
      const error = await rejection(service.login(context(), { ...body, tenantId: '44444444-4444-4444-8444-444444444444' }));
      expect(error.status).toBe(403);
    });

    it('signIn without strictTenant (OAuth) falls back to the default tenant instead of refusing', async () => {
      sessions.create.mockResolvedValue(undefined);
      const res = await service.signIn(context(), aUser(), '44444444-4444-4444-8444-444444444444', {
        strictTenant: false,
        auditDetails: { method: 'oauth', provider: 'github' },
      });
      expect(res.user.tenantId).toBe(TENANT);
      expect(events.audit).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({ action: 'identity.login.succeeded', details: { method: 'oauth', provider: 'github' } }),
      );
    });
  });

  describe('refresh', () => {
    beforeEach(() => {
      users.findById.mockResolvedValue(aUser());
      users.membership.mockResolvedValue(aMembership());
      sessions.create.mockResolvedValue(undefined);
      sessions.revokeFamily.mockResolvedValue(['sid-1', 'sid-2']);
      revocations.revoke.mockResolvedValue(undefined);
    });

    it('rotates: the old row is marked replaced and a new one of the same family is created', async () => {
      sessions.findByRefreshTokenHash.mockResolvedValue(aSession());
      sessions.markReplaced.mockResolvedValue(true);
      const res = await service.refresh(context(), { refreshToken: 'rt-old' });
      expect(sessions.findByRefreshTokenHash).toHaveBeenCalledWith('hash-of-rt-old');
      const created = sessions.create.mock.calls[0][0];
      expect(sessions.markReplaced).toHaveBeenCalledWith('sid-1', created.id, expect.any(Date));
      expect(created.familyId).toBe('family-1');
      expect(res.refreshToken).not.toBe('rt-old');
      expect(tokens.signAccess).toHaveBeenCalledWith(expect.objectContaining({ sid: created.id, tid: TENANT }));
    });

    it('revokes the whole family when a used token comes back, and answers 401', async () => {
      sessions.findByRefreshTokenHash.mockResolvedValue(aSession({ replacedBy: 'sid-2' }));
      const error = await rejection(service.refresh(context(), { refreshToken: 'rt-old' }));
      expect(error.status).toBe(401);
      expect(sessions.revokeFamily).toHaveBeenCalledWith('family-1', expect.any(Date));
      expect(revocations.revoke).toHaveBeenCalledWith(['sid-1', 'sid-2']);
      expect(sessions.create).not.toHaveBeenCalled();
    });

    it('treats losing a concurrent rotation as reuse', async () => {
      sessions.findByRefreshTokenHash.mockResolvedValue(aSession());
      sessions.markReplaced.mockResolvedValue(false);
      expect((await rejection(service.refresh(context(), { refreshToken: 'rt-old' }))).status).toBe(401);
      expect(sessions.revokeFamily).toHaveBeenCalled();
    });

    it('refuses unknown, revoked, expired and missing tokens with 401', async () => {
      sessions.findByRefreshTokenHash.mockResolvedValueOnce(null);
      expect((await rejection(service.refresh(context(), { refreshToken: 'x' }))).status).toBe(401);
      sessions.findByRefreshTokenHash.mockResolvedValueOnce(aSession({ revokedAt: new Date() }));
      expect((await rejection(service.refresh(context(), { refreshToken: 'x' }))).status).toBe(401);
      sessions.findByRefreshTokenHash.mockResolvedValueOnce(aSession({ expiresAt: new Date(Date.now() - 1) }));
      expect((await rejection(service.refresh(context(), { refreshToken: 'x' }))).status).toBe(401);
      expect((await rejection(service.refresh(context(), {}))).status).toBe(401);
      expect(sessions.revokeFamily).not.toHaveBeenCalled();
    });
  });

  describe('logout', () => {
    it('revokes the session family in Postgres and lists every sid in the revocation list', async () => {
      sessions.findById.mockResolvedValue(aSession());
      sessions.revokeFamily.mockResolvedValue(['sid-0', 'sid-1']);
      revocations.revoke.mockResolvedValue(undefined);
      expect(await service.logout(userContext())).toEqual({ message: 'Logged out.' });
      expect(revocations.revoke).toHaveBeenCalledWith(['sid-0', 'sid-1']);
      expect(events.audit).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ action: 'identity.session.logged-out' }));
    });
  });

  describe('updateMe', () => {
    it('writes only the profile fields that were sent', async () => {
      users.findById.mockResolvedValue(aUser());
      users.profile.mockResolvedValue({ ...aUser({ displayName: 'Ada L.' }), role: 'owner' });
      tenants.displayName.mockResolvedValue('Acme');
      users.update.mockResolvedValue(undefined);
      const answer = await service.updateMe(userContext(), { displayName: 'Ada L.', settings: { theme: 'dark' } });
      expect(users.update).toHaveBeenCalledWith(USER, { displayName: 'Ada L.', settings: { theme: 'dark' } });
      expect(answer.user).toMatchObject({ displayName: 'Ada L.', tenantId: TENANT, tenantName: 'Acme', isTenantAdmin: true });
    });
  });

  describe('changePassword', () => {
    beforeEach(() => {
      users.findWithPasswordById.mockResolvedValue(aUser());
      attempts.reserve.mockResolvedValue({ retryAfter: 0, counts: [1, 1, 1] });
      attempts.recordFailure.mockResolvedValue(undefined);
      attempts.recordSuccess.mockResolvedValue(undefined);
    });

    it('stores the new hash and revokes every session of the user', async () => {
      passwords.verify.mockResolvedValue(true);
      passwords.hash.mockResolvedValue('$argon2id$new');
      users.setPasswordHash.mockResolvedValue(undefined);
      sessions.revokeAllOfUser.mockResolvedValue(['sid-1', 'sid-7']);
      revocations.revoke.mockResolvedValue(undefined);
      const res = await service.changePassword(userContext(), { currentPassword: 'old password', newPassword: 'new password' });
      expect(res.data.success).toBe(true);
      expect(users.setPasswordHash).toHaveBeenCalledWith(USER, '$argon2id$new');
      expect(revocations.revoke).toHaveBeenCalledWith(['sid-1', 'sid-7']);
      expect(events.audit).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ action: 'identity.password.changed' }));
    });

    it('refuses a wrong current password and changes nothing, counting the guess like a failed login', async () => {
      passwords.verify.mockResolvedValue(false);
      const error = await rejection(service.changePassword(userContext(), { currentPassword: 'wrong password', newPassword: 'new password' }));
      expect(error.status).toBe(400);
      expect(users.setPasswordHash).not.toHaveBeenCalled();
      expect(attempts.recordFailure).toHaveBeenCalledTimes(1);
    });

    it('answers 429 without checking the password once the login limits are used up', async () => {
      attempts.reserve.mockResolvedValue({ retryAfter: 600, counts: [] });
      const error = await rejection(service.changePassword(userContext(), { currentPassword: 'a guess', newPassword: 'new password' }));
      expect(error.status).toBe(429);
      expect(passwords.verify).not.toHaveBeenCalled();
      expect(users.setPasswordHash).not.toHaveBeenCalled();
    });
  });

  describe('deleteAccount', () => {
    it('soft-deletes the user, revokes every session and disables every API key it created', async () => {
      users.findById.mockResolvedValue(aUser());
      users.softDelete.mockResolvedValue(undefined);
      sessions.revokeAllOfUser.mockResolvedValue(['sid-1']);
      revocations.revoke.mockResolvedValue(undefined);
      apiKeys.disableKeysOf.mockResolvedValue(2);
      const res = await service.deleteAccount(userContext());
      expect(users.softDelete).toHaveBeenCalledWith(USER, expect.any(Date));
      expect(revocations.revoke).toHaveBeenCalledWith(['sid-1']);
      expect(apiKeys.disableKeysOf).toHaveBeenCalledWith(USER);
      expect(res.data.accountClosedAt).toBe(users.softDelete.mock.calls[0][1].toISOString());
    });
  });

  describe('provisionOwner', () => {
    it('adds an existing account as owner, keeping its password', async () => {
      users.findByEmail.mockResolvedValue(aUser());
      users.addMembership.mockResolvedValue(true);
      expect(await service.provisionOwner(context(), { tenantId: TENANT, email: 'ADA@example.com', password: 'ignored password' })).toEqual({
        userId: USER,
      });
      expect(users.findByEmail).toHaveBeenCalledWith('ada@example.com');
      expect(users.addMembership).toHaveBeenCalledWith(USER, TENANT, 'owner');
      expect(passwords.hash).not.toHaveBeenCalled();
    });

    it('creates the account with the password when there is none, else answers 404', async () => {
      users.findByEmail.mockResolvedValue(null);
      expect((await rejection(service.provisionOwner(context(), { tenantId: TENANT, email: 'new@example.com' }))).status).toBe(404);
      passwords.hash.mockResolvedValue('$argon2id$new');
      users.createWithMembership.mockResolvedValue(aUser());
      const res = await service.provisionOwner(context(), { tenantId: TENANT, email: 'new@example.com', password: 'a password' });
      expect(users.createWithMembership).toHaveBeenCalledWith(expect.objectContaining({ id: res.userId, email: 'new@example.com' }), TENANT, 'owner');
    });
  });
});
