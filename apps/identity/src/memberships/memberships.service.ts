import { Injectable } from '@nestjs/common';

import {
  DomainError,
  ErrorCode,
  type Actor,
  type DefaultTenantResponse,
  type LeaveTenantResponse,
  type MyTenantsResponse,
  type RequestContext,
  type SwitchTenantResponse,
  type TenantRoleResponse,
  type UserTenantsResponse,
} from '@lib/contracts';
import { EventPublisher } from '@lib/transport';

import { ApiKeysService } from '../api-keys/api-keys.service';
import { RevocationsRepository } from '../sessions/revocations.repository';
import { SessionsRepository } from '../sessions/sessions.repository';
import { TenantsRepository } from '../tenants/tenants.repository';
import type { MembershipEntity } from '../users/membership.entity';
import { UsersRepository } from '../users/users.repository';

/** The caller's tenants: list, switch, role, default, leave; and the public tenant list by email. */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly revocations: RevocationsRepository,
    private readonly tenants: TenantsRepository,
    private readonly events: EventPublisher,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async list(context: RequestContext): Promise<MyTenantsResponse> {
    const actor = userActor(context);
    const user = await this.users.findById(actor.id);
    if (!user) throw accountGone();
    const memberships = await this.users.membershipsOf(actor.id);
    const known = await this.tenants.tryLookup(context, memberships.map((m) => m.tenantId));
    // Tenants tenancy no longer knows (deleted) are left out; when tenancy does not answer, names stay empty.
    const listed = known ? memberships.filter((m) => known.has(m.tenantId)) : memberships;
    return {
      data: listed.map((m) => ({
        user_id: m.userId,
        tenantId: m.tenantId,
        role: m.role,
        status: 'active',
        is_default: m.tenantId === user.defaultTenantId,
        joined_at: m.createdAt.toISOString(),
        tenantName: known?.get(m.tenantId)?.name ?? '',
        tenantSlug: known?.get(m.tenantId)?.domain ?? '',
      })),
      activeTenantId: actor.tenantId,
      defaultTenantId: user.defaultTenantId,
    };
  }

  /**
   * Moves the caller's session to another of its tenants. The contract's answer carries no tokens: the
   * next POST /public/auth/refresh issues them for the new tenant.
   */
  async switchTenant(context: RequestContext, tenantId: string): Promise<SwitchTenantResponse> {
    const actor = userActor(context);
    const membership = await this.membershipOf(actor, tenantId);
    const session = actor.sessionId ? await this.sessions.findById(actor.sessionId) : null;
    if (session && session.userId === actor.id) await this.sessions.switchTenant(session.familyId, tenantId);
    const tenant = (await this.tenants.lookup(context, [tenantId])).get(tenantId);
    await this.events.audit(context, {
      action: 'identity.session.tenant-switched',
      resourceType: 'session',
      resourceId: actor.sessionId,
      tenantId,
      details: { from: actor.tenantId },
    });
    return { success: true, tenantId, tenantName: tenant?.name ?? '', tenantSlug: tenant?.domain ?? '', role: membership.role };
  }

  /** The caller's role in its current tenant, as stored now (not as the token says). */
  async role(context: RequestContext): Promise<TenantRoleResponse> {
    const actor = userActor(context);
    if (!actor.tenantId) throw notMember();
    const membership = await this.membershipOf(actor, actor.tenantId);
    return { tenantId: membership.tenantId, role: membership.role };
  }

  async setDefault(context: RequestContext, tenantId: string): Promise<DefaultTenantResponse> {
    const actor = userActor(context);
    await this.membershipOf(actor, tenantId);
    await this.users.update(actor.id, { defaultTenantId: tenantId });
    return { success: true, defaultTenantId: tenantId };
  }

  /**
   * Leaves a tenant; its last owner cannot. That answers 403, not 409: the catalogue lists no 409 for this
   * route. Every live session of the caller is revoked and the API keys it created in that tenant are disabled.
   *
   * Why every session, not only those whose row names the tenant: switch-tenant rewrites a session row's tenant
   * in place, so a row naming another tenant may still have issued an access token for this one (log in to T1,
   * switch to T2, leave T1: the T1 token lived on for up to ACCESS_TOKEN_TTL_SECONDS). Tokens do not record
   * which row state issued them, so revoking them all is the simplest correct rule; the caller logs in again.
   */
  async leave(context: RequestContext, tenantId: string): Promise<LeaveTenantResponse> {
    const actor = userActor(context);
    const membership = await this.membershipOf(actor, tenantId);
    if ((await this.users.removeMembershipUnlessLastOwner(actor.id, tenantId)) === 'last-owner') {
      throw new DomainError(ErrorCode.LastOwner, 403, 'You are the last owner of this tenant: make someone else owner first, or delete the tenant.');
    }
    const user = await this.users.findById(actor.id);
    if (user?.defaultTenantId === tenantId) await this.users.update(actor.id, { defaultTenantId: null });
    await this.revocations.revoke(await this.sessions.revokeAllOfUser(actor.id, new Date()));
    await this.apiKeys.disableKeysOf(actor.id, tenantId);
    await this.events.audit(context, { action: 'identity.membership.left', resourceType: 'membership', resourceId: membership.id, tenantId });
    return { success: true, message: 'You left the tenant.' };
  }

  /** Public: the tenants of the account with this email, to pick one at login; empty for an unknown email. */
  async byEmail(context: RequestContext, email: string): Promise<UserTenantsResponse> {
    const user = await this.users.findByEmail(email.trim().toLowerCase());
    const memberships = user ? await this.users.membershipsOf(user.id) : [];
    const known = await this.tenants.lookup(context, memberships.map((m) => m.tenantId));
    const tenants = memberships
      .map((m) => known.get(m.tenantId))
      .filter((t) => t !== undefined)
      .map((t) => ({ id: t.id, name: t.name, slug: t.domain ?? '' }));
    return { tenants, hasMultipleTenants: tenants.length > 1 };
  }

  /** The caller's membership in `tenantId`; another tenant answers 404 exactly like one that does not exist. */
  private async membershipOf(actor: Actor, tenantId: string): Promise<MembershipEntity> {
    const membership = await this.users.membership(actor.id, tenantId);
    if (!membership) throw notMember();
    return membership;
  }
}

function userActor(context: RequestContext): Actor {
  const actor = context.actor;
  if (!actor || actor.type !== 'user') throw new DomainError(ErrorCode.Forbidden, 403, 'This route is for users: log in with email and password.');
  return actor;
}

function notMember(): DomainError {
  return DomainError.notFound(ErrorCode.MembershipNotFound, 'You are not a member of this tenant. GET /api/v1/secure/auth/tenants lists yours.');
}

function accountGone(): DomainError {
  return new DomainError(ErrorCode.Unauthorized, 401, 'This account no longer exists: log in again.');
}
