import { Injectable, Logger } from '@nestjs/common';

import {
  DomainError,
  ErrorCode,
  type Actor,
  type ChangePasswordResponse,
  type DeleteAccountResponse,
  type LoginResponse,
  type LogoutResponse,
  type MeResponse,
  type PatchAuthMeBody,
  type PostAuthLoginBody,
  type PostAuthMeChangePasswordBody,
  type PostAuthRefreshBody,
  type PostAuthRegisterBody,
  type PostAuthRegisterUserBody,
  type ProvisionOwnerBody,
  type RefreshResponse,
  type RegisterResponse,
  type RegisterUserResponse,
  type RequestContext,
  type ResetPreferencesResponse,
  type TenantSummary,
  type UpdateMeResponse,
} from '@lib/contracts';
import { EventPublisher } from '@lib/transport';

import { ApiKeysService } from '../api-keys/api-keys.service';
import { RevocationsRepository } from '../sessions/revocations.repository';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionsRepository } from '../sessions/sessions.repository';
import { TenantsRepository } from '../tenants/tenants.repository';
import type { MembershipEntity } from '../users/membership.entity';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository, type AlsoWrite, type NewUser } from '../users/users.repository';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { PasswordsService } from './passwords.service';
import { TokensService } from './tokens.service';

const INVALID_CREDENTIALS = 'Invalid email or password.';
const INVALID_REFRESH = 'The refresh token is invalid, expired or already used: log in again.';

/** Tenant statuses whose tokens the gateway refuses (tenancy's lifecycle): they take no new members either. */
const BLOCKED_TENANT_STATUSES = new Set(['pending', 'inactive', 'retired', 'suspended', 'archived']);

/** Postgres unique_violation. */
const UNIQUE_VIOLATION = '23505';

/** A user and the tenant it acts in (null when it belongs to none). */
interface TenantChoice {
  tenantId: string | null;
  role: MembershipEntity['role'] | null;
}

interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Accounts, logins and sessions: register, login, refresh, logout, me. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly revocations: RevocationsRepository,
    private readonly attempts: LoginAttemptsRepository,
    private readonly tenants: TenantsRepository,
    private readonly passwords: PasswordsService,
    private readonly tokens: TokensService,
    private readonly events: EventPublisher,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async register(context: RequestContext, body: PostAuthRegisterBody): Promise<RegisterResponse> {
    const email = normalizeEmail(body.email);
    if (await this.users.emailTaken(email)) throw emailTaken();
    const passwordHash = await this.passwords.hash(body.password);
    const userId = this.tokens.newId();
    const tenant = await this.registerOwner(
      context,
      { id: userId, email, passwordHash, displayName: body.displayName ?? null, locale: body.locale ?? context.locale ?? 'en' },
      { name: body.tenantName, domain: body.tenantDomain },
    );
    return {
      user: { id: userId, email, tenantId: tenant.id },
      tenant: { id: tenant.id, name: tenant.name, domain: tenant.domain ?? body.tenantDomain },
      message: 'Account and tenant created. Log in with your email and password.',
    };
  }

  /**
   * The register saga: tenancy creates the tenant, then the user and its owner membership (and whatever
   * `extra.alsoWrite` adds, e.g. an OAuth link) are written in one transaction; if that fails, the tenant
   * is deprovisioned again, so a failure leaves neither. Password and OAuth registration both use it.
   */
  async registerOwner(
    context: RequestContext,
    user: NewUser,
    tenantInput: { name: string; domain?: string },
    extra: { alsoWrite?: AlsoWrite; auditDetails?: Record<string, unknown> } = {},
  ): Promise<TenantSummary> {
    const tenant = await this.tenants.provision(context, { name: tenantInput.name, domain: tenantInput.domain, ownerUserId: user.id });
    try {
      await this.users.createWithMembership(user, tenant.id, 'owner', extra.alsoWrite);
    } catch (error) {
      await this.compensateTenant(context, tenant.id);
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw emailTaken();
      throw error;
    }
    await this.events.audit(context, {
      action: 'identity.user.registered',
      actor: { type: 'user', id: user.id },
      resourceType: 'user',
      resourceId: user.id,
      tenantId: tenant.id,
      details: { tenantDomain: tenant.domain, ...extra.auditDetails },
    });
    return tenant;
  }

  async login(context: RequestContext, body: PostAuthLoginBody): Promise<LoginResponse> {
    const email = normalizeEmail(body.email);
    // The attempt is counted before the password is checked, atomically with the check of the limits:
    // concurrent logins cannot all slip under them.
    const attempt = await this.attempts.reserve(email, context.ip);
    if (attempt.retryAfter > 0) throw tooManyAttempts(attempt.retryAfter);
    let user: UserEntity | null;
    let valid: boolean;
    try {
      user = await this.users.findWithPasswordByEmail(email);
      valid = user ? await this.passwords.verify(user.passwordHash, body.password) : await this.passwords.verifyDummy(body.password);
    } catch (error) {
      // No answer on the password (e.g. the database is down): the attempt does not count.
      await this.attempts.cancel(email, context.ip).catch(() => undefined);
      throw error;
    }
    if (!user || !valid) {
      await this.attempts.recordFailure(email, context.ip, attempt);
      await this.events.audit(context, {
        action: 'identity.login.failed',
        actor: { type: 'anonymous', id: null },
        resourceType: 'user',
        resourceId: user?.id ?? null,
        tenantId: null,
        details: { reason: user ? 'wrong-password' : 'unknown-email' },
      });
      throw new DomainError(ErrorCode.InvalidCredentials, 401, INVALID_CREDENTIALS);
    }
    await this.attempts.recordSuccess(email, context.ip);
    return this.signIn(context, user, body.tenantId, { strictTenant: true });
  }

  /**
   * Starts a session for a user whose identity is established (password or OAuth): picks the tenant,
   * issues the tokens and records the login. With `strictTenant`, a requested tenant the user does not
   * belong to is a 403; without it (OAuth, where the tenant only came along in the flow) it is ignored.
   */
  async signIn(
    context: RequestContext,
    user: UserEntity,
    requestedTenantId: string | undefined,
    how: { strictTenant: boolean; auditDetails?: Record<string, unknown> },
  ): Promise<LoginResponse> {
    const choice = await this.chooseTenant(user, requestedTenantId, how.strictTenant);
    const tokens = await this.startSession(context, user, choice, this.tokens.newId());
    await this.events.audit(context, {
      action: 'identity.login.succeeded',
      actor: { type: 'user', id: user.id },
      resourceType: 'session',
      resourceId: tokens.sessionId,
      tenantId: choice.tenantId,
      ...(how.auditDetails ? { details: how.auditDetails } : {}),
    });
    const names = await this.tenants.lookup(context, choice.tenantId ? [choice.tenantId] : []);
    return {
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        tenantId: choice.tenantId ?? NO_TENANT,
        tenantName: choice.tenantId ? (names.get(choice.tenantId)?.name ?? null) : null,
        groups: [],
        groupDetails: [],
        permissions: [],
        isSystemAdmin: user.isSystemAdmin,
        isTenantAdmin: isTenantAdmin(choice.role),
      },
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresIn: tokens.expiresIn,
    };
  }

  /** Rotates the refresh token. A token that was already used revokes its whole family (stolen token). */
  async refresh(context: RequestContext, body: PostAuthRefreshBody): Promise<RefreshResponse> {
    if (!body.refreshToken) throw invalidRefresh();
    const session = await this.sessions.findByRefreshTokenHash(this.tokens.hash(body.refreshToken));
    if (!session || session.revokedAt) throw invalidRefresh();
    if (session.replacedBy) {
      await this.revokeFamily(context, session, 'refresh-token-reuse');
      throw invalidRefresh();
    }
    const now = new Date();
    if (session.expiresAt <= now) throw invalidRefresh();
    const user = await this.users.findById(session.userId);
    if (!user) throw invalidRefresh();
    const newId = this.tokens.newId();
    if (!(await this.sessions.markReplaced(session.id, newId, now))) {
      // Another refresh with the same token won the race: that is a reuse as well.
      await this.revokeFamily(context, session, 'refresh-token-reuse');
      throw invalidRefresh();
    }
    const choice = await this.currentChoice(user, session.tenantId);
    const tokens = await this.startSession(context, user, choice, session.familyId, newId);
    return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresIn: tokens.expiresIn };
  }

  /** Revokes the caller's login: every session of its family, in Postgres and in the gateway's revocation list. */
  async logout(context: RequestContext): Promise<LogoutResponse> {
    const actor = userActor(context);
    const session = actor.sessionId ? await this.sessions.findById(actor.sessionId) : null;
    if (session && session.userId === actor.id) {
      const ids = await this.sessions.revokeFamily(session.familyId, new Date());
      await this.revocations.revoke(ids);
    } else if (actor.sessionId) {
      await this.revocations.revoke([actor.sessionId]);
    }
    await this.events.audit(context, {
      action: 'identity.session.logged-out',
      resourceType: 'session',
      resourceId: actor.sessionId,
    });
    return { message: 'Logged out.' };
  }

  /** Also answers an API key, with the profile of the user who created it, in the key's tenant. */
  async me(context: RequestContext): Promise<MeResponse> {
    const key = context.actor?.type === 'api-key' ? context.actor : null;
    const actor = key?.onBehalfOf ? { ...key, type: 'user' as const, id: key.onBehalfOf } : userActor(context);
    return { user: await this.describe(context, actor) };
  }

  /** Profile fields only: the body DTO refuses anything else (email, verification, roles, tenant, admin flag). */
  async updateMe(context: RequestContext, body: PatchAuthMeBody): Promise<UpdateMeResponse> {
    const actor = userActor(context);
    await this.currentUser(actor);
    const changes = definedOnly({
      firstName: body.firstName,
      middleName: body.middleName,
      lastName: body.lastName,
      displayName: body.displayName,
      locale: body.locale,
      settings: body.settings,
      typeDefinitionId: body.typeDefinitionId,
    });
    if (Object.keys(changes).length > 0) await this.users.update(actor.id, changes);
    await this.events.audit(context, {
      action: 'identity.user.updated',
      resourceType: 'user',
      resourceId: actor.id,
      details: { fields: Object.keys(changes) },
    });
    return { user: await this.describe(context, actor) };
  }

  /** Checks the current password, stores the new one and revokes every session of the user (log in again). */
  async changePassword(context: RequestContext, body: PostAuthMeChangePasswordBody): Promise<ChangePasswordResponse> {
    const actor = userActor(context);
    const user = await this.users.findWithPasswordById(actor.id);
    if (!user) throw accountGone();
    // A guess of the current password is a password guess: it draws on the same limits as login, so a
    // stolen access token cannot try passwords faster than a login form could.
    const attempt = await this.attempts.reserve(user.email, context.ip);
    if (attempt.retryAfter > 0) throw tooManyAttempts(attempt.retryAfter);
    const valid = await this.passwords.verify(user.passwordHash, body.currentPassword).catch(async (error: unknown) => {
      await this.attempts.cancel(user.email, context.ip).catch(() => undefined);
      throw error;
    });
    if (!valid) {
      await this.attempts.recordFailure(user.email, context.ip, attempt);
      throw new DomainError(ErrorCode.InvalidCredentials, 400, 'currentPassword is not the current password.');
    }
    await this.attempts.recordSuccess(user.email, context.ip);
    await this.users.setPasswordHash(user.id, await this.passwords.hash(body.newPassword));
    await this.revokeAllSessions(user.id);
    await this.events.audit(context, { action: 'identity.password.changed', resourceType: 'user', resourceId: user.id });
    return { data: { success: true, message: 'Password changed. Every session was logged out: log in again.' } };
  }

  /**
   * Soft-deletes the account (its email becomes free again), revokes every session and disables every API key
   * the account created (they act on its behalf), in every tenant.
   */
  async deleteAccount(context: RequestContext): Promise<DeleteAccountResponse> {
    const actor = userActor(context);
    await this.currentUser(actor);
    const closedAt = new Date();
    await this.users.softDelete(actor.id, closedAt);
    await this.revokeAllSessions(actor.id);
    await this.apiKeys.disableKeysOf(actor.id);
    await this.events.audit(context, { action: 'identity.user.deleted', resourceType: 'user', resourceId: actor.id });
    return { data: { success: true, message: 'Account closed.', accountClosedAt: closedAt.toISOString() } };
  }

  async resetPreferences(context: RequestContext): Promise<ResetPreferencesResponse> {
    const actor = userActor(context);
    await this.currentUser(actor);
    await this.users.update(actor.id, { settings: {}, typeDefinitionId: null });
    await this.events.audit(context, { action: 'identity.user.preferences-reset', resourceType: 'user', resourceId: actor.id });
    return { user: await this.describe(context, actor) };
  }

  /** Self-registration into an existing tenant, as a member. */
  async registerUser(context: RequestContext, body: PostAuthRegisterUserBody): Promise<RegisterUserResponse> {
    const tenantId = body.tenantId ?? context.requestedTenantId;
    if (!tenantId) {
      throw new DomainError(ErrorCode.BadRequest, 400, 'Say which tenant to join: tenantId in the body or an X-Tenant-ID header.');
    }
    const tenant = await this.tenants.get(context, tenantId);
    // A tenant that does not take self-registration answers like a missing one: knowing a tenant id is not an invitation.
    if (!tenant?.selfRegistration) {
      throw new DomainError(ErrorCode.NotFound, 404, 'No tenant with this id accepts self-registration: ask its administrator for an invitation.');
    }
    if (BLOCKED_TENANT_STATUSES.has(tenant.status)) {
      throw new DomainError(ErrorCode.Forbidden, 403, 'This tenant does not accept registrations at the moment.');
    }
    const email = normalizeEmail(body.email);
    if (await this.users.emailTaken(email)) throw emailTaken();
    const passwordHash = await this.passwords.hash(body.password);
    const userId = this.tokens.newId();
    try {
      await this.users.createWithMembership(
        { id: userId, email, passwordHash, displayName: body.displayName ?? null, locale: context.locale ?? 'en' },
        tenant.id,
        'member',
      );
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw emailTaken();
      throw error;
    }
    await this.events.audit(context, {
      action: 'identity.user.registered',
      actor: { type: 'user', id: userId },
      resourceType: 'user',
      resourceId: userId,
      tenantId: tenant.id,
      details: { role: 'member' },
    });
    return {
      message: 'Account created. Log in with your email and password.',
      userId,
      requiresVerification: true,
      user: { id: userId, email, displayName: body.displayName ?? null, tenantId: tenant.id },
      tenant: { id: tenant.id, name: tenant.name, slug: tenant.domain ?? '', domain: tenant.domain ?? '' },
    };
  }

  /**
   * Tenancy's POST /secure/tenants: makes `email` an owner of the new tenant, creating the account when a
   * password comes along. An existing account keeps its password (the one sent is ignored).
   */
  async provisionOwner(context: RequestContext, body: ProvisionOwnerBody): Promise<{ userId: string }> {
    const email = normalizeEmail(body.email);
    const existing = await this.users.findByEmail(email);
    if (existing) {
      await this.users.addMembership(existing.id, body.tenantId, 'owner');
      await this.events.audit(context, {
        action: 'identity.membership.created',
        resourceType: 'membership',
        resourceId: existing.id,
        tenantId: body.tenantId,
        details: { role: 'owner', userId: existing.id },
      });
      return { userId: existing.id };
    }
    if (!body.password) {
      throw new DomainError(ErrorCode.UserNotFound, 404, 'No account has this owner email: send ownerPassword to create one.');
    }
    const userId = this.tokens.newId();
    const passwordHash = await this.passwords.hash(body.password);
    try {
      await this.users.createWithMembership({ id: userId, email, passwordHash, displayName: body.displayName ?? null }, body.tenantId, 'owner');
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw emailTaken();
      throw error;
    }
    await this.events.audit(context, {
      action: 'identity.user.registered',
      resourceType: 'user',
      resourceId: userId,
      tenantId: body.tenantId,
      details: { role: 'owner', by: 'tenant-creation' },
    });
    return { userId };
  }

  private async revokeAllSessions(userId: string): Promise<void> {
    await this.revocations.revoke(await this.sessions.revokeAllOfUser(userId, new Date()));
  }

  private async currentUser(actor: Actor): Promise<UserEntity> {
    const user = await this.users.findById(actor.id);
    if (!user) throw accountGone();
    return user;
  }

  private async describe(context: RequestContext, actor: Actor): Promise<MeResponse['user']> {
    const user = await this.users.profile(actor.id, actor.tenantId);
    if (!user) throw accountGone();
    const tenantId = user.role && actor.tenantId ? actor.tenantId : null;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName ?? user.email,
      tenantId: tenantId ?? NO_TENANT,
      tenantName: tenantId ? await this.tenants.displayName(context, tenantId) : '',
      locale: user.locale,
      settings: user.settings,
      typeDefinitionId: user.typeDefinitionId,
      groups: [],
      groupDetails: [],
      permissions: [],
      isSystemAdmin: user.isSystemAdmin,
      isTenantAdmin: isTenantAdmin(user.role),
    };
  }

  /** The requested tenant (one of the user's), else the default tenant, else the oldest membership. */
  private async chooseTenant(user: UserEntity, requested: string | undefined, strict = true): Promise<TenantChoice> {
    const memberships = await this.users.membershipsOf(user.id);
    const match = requested ? memberships.find((m) => m.tenantId === requested) : undefined;
    if (match) return { tenantId: match.tenantId, role: match.role };
    if (requested && strict) throw new DomainError(ErrorCode.Forbidden, 403, 'You are not a member of this tenant. Log in without tenantId.');
    const chosen = memberships.find((m) => m.tenantId === user.defaultTenantId) ?? memberships[0];
    return chosen ? { tenantId: chosen.tenantId, role: chosen.role } : { tenantId: null, role: null };
  }

  /** On refresh: the session's tenant while the user still belongs to it, else the login choice. */
  private async currentChoice(user: UserEntity, tenantId: string | null): Promise<TenantChoice> {
    const membership = tenantId ? await this.users.membership(user.id, tenantId) : null;
    return membership ? { tenantId: membership.tenantId, role: membership.role } : this.chooseTenant(user, undefined);
  }

  private async startSession(
    context: RequestContext,
    user: UserEntity,
    choice: TenantChoice,
    familyId: string,
    sessionId: string = this.tokens.newId(),
  ): Promise<IssuedTokens & { sessionId: string }> {
    const refreshToken = this.tokens.newRefreshToken();
    await this.sessions.create({
      id: sessionId,
      userId: user.id,
      tenantId: choice.tenantId,
      familyId,
      refreshTokenHash: this.tokens.hash(refreshToken),
      expiresAt: new Date(Date.now() + this.tokens.refreshTtlSeconds * 1000),
      ip: context.ip,
      userAgent: context.userAgent,
    });
    const accessToken = await this.tokens.signAccess({
      sub: user.id,
      tid: choice.tenantId,
      role: choice.role,
      sid: sessionId,
      adm: user.isSystemAdmin,
    });
    return { accessToken, refreshToken, expiresIn: this.tokens.accessTtlSeconds, sessionId };
  }

  private async revokeFamily(context: RequestContext, session: SessionEntity, reason: string): Promise<void> {
    const ids = await this.sessions.revokeFamily(session.familyId, new Date());
    await this.revocations.revoke(ids);
    this.logger.warn(`session family ${session.familyId} of user ${session.userId} revoked: ${reason}`);
    await this.events.audit(context, {
      action: 'identity.session.family-revoked',
      actor: { type: 'system', id: null },
      resourceType: 'session',
      resourceId: session.familyId,
      tenantId: session.tenantId,
      details: { reason, userId: session.userId },
    });
  }

  private async compensateTenant(context: RequestContext, tenantId: string): Promise<void> {
    try {
      await this.tenants.deprovision(context, tenantId);
    } catch (error) {
      // The tenant stays behind without owner; the log line is what an operator needs to remove it.
      this.logger.error(`register: deprovisioning tenant ${tenantId} failed: ${(error as Error).message}`);
    }
  }
}

/**
 * The contract requires a uuid `tenantId` even for a user without any tenant (a system administrator
 * made by the operator command): the nil UUID stands for "none".
 */
export const NO_TENANT = '00000000-0000-0000-0000-000000000000';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function isTenantAdmin(role: string | null): boolean {
  return role === 'owner' || role === 'admin';
}

function userActor(context: RequestContext): Actor {
  const actor = context.actor;
  if (!actor || actor.type !== 'user') throw new DomainError(ErrorCode.Forbidden, 403, 'This route is for users: log in with email and password.');
  return actor;
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function accountGone(): DomainError {
  return new DomainError(ErrorCode.Unauthorized, 401, 'This account no longer exists: log in again.');
}

function emailTaken(): DomainError {
  return new DomainError(ErrorCode.EmailTaken, 409, 'An account with this email exists already: log in, or reset its password.');
}

function invalidRefresh(): DomainError {
  return new DomainError(ErrorCode.InvalidRefreshToken, 401, INVALID_REFRESH);
}

function tooManyAttempts(seconds: number): DomainError {
  return new DomainError(ErrorCode.TooManyLoginAttempts, 429, `Too many failed logins: try again in ${seconds} seconds.`, {
    retryAfterSeconds: seconds,
  });
}
