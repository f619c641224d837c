import { Injectable, Logger } from '@nestjs/common';

import {
  DomainError,
  ErrorCode,
  forgetTenant,
  isUuid,
  provisionOwner,
  type ListTenantsQuery,
  type PatchTenantsBody,
  type PatchTenantsLogRetentionBody,
  type PostTenantsBody,
  type ProvisionTenantBody,
  type RequestContext,
  type TenantCreatedResponse,
  type TenantListResponse,
  type TenantLogRetentionResponse,
  type TenantLogRetentionUpdatedResponse,
  type TenantResponse,
  type TenantSummary,
  type TenantUpdatedResponse,
} from '@lib/contracts';
import { callInternal, EventPublisher, NatsRpcClient } from '@lib/transport';

import { LanguageSyncService } from '../language-sync/language-sync.service';
import { patchedStatus } from '../lifecycle/lifecycle-rules';
import { canManageTenant, canSeeTenant, forbidden, isSystemAdmin, tenantNotFound } from './tenant-access';
import type { TenantEntity } from './tenant.entity';
import { toLogRetentionBody, toTenantBody, toTenantSummary } from './tenant.mapper';
import { TenantBlockList } from './tenant-block-list';
import { TenantTransitions } from './tenant-transitions';
import { TenantsRepository, type TenantChanges } from './tenants.repository';

const DEFAULT_PAGE_SIZE = 50;

@Injectable()
export class TenantsService {
  private readonly logger = new Logger(TenantsService.name);

  constructor(
    private readonly blockList: TenantBlockList,
    private readonly events: EventPublisher,
    private readonly languageSync: LanguageSyncService,
    private readonly repository: TenantsRepository,
    private readonly rpc: NatsRpcClient,
    private readonly transitions: TenantTransitions,
  ) {}

  /** A system administrator lists every tenant; anyone else sees at most the tenant they act in. */
  async list(context: RequestContext, query: ListTenantsQuery): Promise<TenantListResponse> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const offset = query.offset ?? 0;
    const [rows, total] = isSystemAdmin(context.actor)
      ? await this.repository.listAll({ search: query.search, status: query.status }, { limit, offset })
      : await this.ownTenant(context, query, offset);
    return { data: rows.map(toTenantBody), pagination: { total, limit, offset, hasMore: offset + rows.length < total } };
  }

  /** System administrators only: the owner named in the body becomes owner through identity. */
  async create(context: RequestContext, body: PostTenantsBody): Promise<TenantCreatedResponse> {
    if (!isSystemAdmin(context.actor)) throw forbidden('Only system administrators create tenants this way; owners get one by registering.');
    await this.refuseTakenDomain(body.domain);
    const tenant = await this.repository.insert({
      name: body.name,
      slug: await this.uniqueSlug(body.domain),
      domain: body.domain,
      status: body.status ?? 'active',
      type: body.type ?? 'trial',
      ownerUserId: null,
      description: body.description ?? null,
      contactEmail: body.contactEmail ?? null,
      contactPhone: body.contactPhone ?? null,
      settings: body.settings ?? {},
      defaultLanguage: body.defaultLanguage ?? 'en',
      additionalLanguages: body.additionalLanguages ?? [],
    });
    let created: TenantEntity;
    try {
      const owner = await callInternal(this.rpc, provisionOwner, { ...context, tenantId: tenant.id }, {
        tenantId: tenant.id,
        email: body.ownerEmail,
        password: body.ownerPassword,
      });
      created = (await this.repository.update(tenant.id, { ownerUserId: owner.userId })) ?? tenant;
      await this.blockList.sync(created.id, created.status);
      await this.audit(context, 'tenancy.tenant.created', created, { status: created.status, type: created.type });
    } catch (error) {
      await this.undoCreate(tenant.id);
      throw error;
    }
    await this.languageSync.recordChanges(created.id, [], created.additionalLanguages);
    return { data: toTenantBody(created) };
  }

  async get(context: RequestContext, id: string): Promise<TenantResponse> {
    return { data: toTenantBody(await this.visible(context, id)) };
  }

  /** Owners, admins and system administrators; only system administrators move the status (lifecycle rules). */
  async update(context: RequestContext, id: string, body: PatchTenantsBody): Promise<TenantUpdatedResponse> {
    const tenant = await this.manageable(context, id);
    const statusChange = body.status !== undefined && body.status !== tenant.status ? body.status : undefined;
    if (statusChange && !isSystemAdmin(context.actor)) {
      throw forbidden("Only system administrators change a tenant's status.");
    }
    // An illegal transition is refused (409) before anything is written: bad input changes nothing.
    if (statusChange) patchedStatus(tenant.status, statusChange);
    if (body.domain !== undefined && body.domain !== tenant.domain) await this.refuseTakenDomain(body.domain, id);
    const changes: TenantChanges = {
      name: body.name,
      domain: body.domain,
      settings: body.settings,
      additionalLanguages: body.additional_languages,
      storageDistributionStrategy: body.storage_distribution_strategy,
      storageFallbackChain: body.storage_fallback_chain,
    };
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as TenantChanges;
    // With a status change the fields are written in the transition's transaction, on the locked
    // row: if the status moved meanwhile and the step became illegal, the 409 leaves them unchanged too.
    const updated = statusChange
      ? await this.transitions.apply(
          context,
          id,
          'update',
          (current) => ({ status: patchedStatus(current.status, statusChange), type: current.type }),
          undefined,
          defined,
        )
      : ((await this.repository.update(id, defined)) ?? tenant);
    if (body.additional_languages !== undefined) {
      await this.languageSync.recordChanges(id, tenant.additionalLanguages, updated.additionalLanguages);
    }
    await this.audit(context, 'tenancy.tenant.updated', updated, { fields: Object.keys(body).sort() });
    return { data: toTenantBody(updated) };
  }

  /**
   * Owners, admins and system administrators. The tenant's credentials stop working at once; identity
   * removes its memberships and API keys before the row goes, so no login can land in a deleted tenant.
   */
  async delete(context: RequestContext, id: string): Promise<void> {
    const tenant = await this.manageable(context, id);
    // Blocked first: once the row is gone, no credential of the tenant may still work.
    await this.blockList.blockDeleted(id);
    const deleted = await this.forgetInIdentityThenDelete(context, id).catch(async (error: unknown) => {
      await this.blockList.sync(id, tenant.status);
      throw error;
    });
    if (!deleted) throw tenantNotFound();
    await this.audit(context, 'tenancy.tenant.deleted', tenant, { name: tenant.name, domain: tenant.domain });
  }

  /** Identity first (idempotent, so a retried deletion finishes the job); if it is down, nothing is deleted. */
  private async forgetInIdentityThenDelete(context: RequestContext, id: string): Promise<boolean> {
    await callInternal(this.rpc, forgetTenant, context, { tenantId: id });
    return this.repository.delete(id);
  }

  async getLogRetention(context: RequestContext, id: string): Promise<TenantLogRetentionResponse> {
    return { data: toLogRetentionBody(await this.visible(context, id)) };
  }

  async updateLogRetention(context: RequestContext, id: string, body: PatchTenantsLogRetentionBody): Promise<TenantLogRetentionUpdatedResponse> {
    await this.manageable(context, id);
    const updated = await this.repository.update(id, { logRetentionDays: body.retention_days, logRetentionUpdatedAt: new Date() });
    if (!updated) throw tenantNotFound();
    await this.audit(context, 'tenancy.tenant.updated', updated, { fields: ['retention_days'], retentionDays: body.retention_days });
    return { data: toLogRetentionBody(updated) };
  }

  /** Registration, step 1: a usable trial tenant owned by the registering user. */
  async provision(context: RequestContext, body: ProvisionTenantBody): Promise<TenantSummary> {
    const requested = body.domain?.trim().toLowerCase() || undefined;
    if (requested !== undefined && !/^[a-z0-9.-]{2,255}$/.test(requested)) {
      throw new DomainError(ErrorCode.ValidationFailed, 422, 'domain may hold only a-z, 0-9, dots and hyphens (2 to 255 characters).', {
        fields: [{ field: 'domain', location: 'body', messages: ['domain must match ^[a-z0-9.-]+$'] }],
      });
    }
    const slug = await this.uniqueSlug(requested ?? body.name);
    const domain = requested ?? slug;
    await this.refuseTakenDomain(domain);
    const tenant = await this.repository.insert({ name: body.name, slug, domain, status: 'active', type: 'trial', ownerUserId: body.ownerUserId });
    await this.audit(context, 'tenancy.tenant.created', tenant, { status: tenant.status, type: tenant.type, via: 'registration' });
    return toTenantSummary(tenant);
  }

  /** Compensation of `provision` when registration failed later. */
  async deprovision(context: RequestContext, tenantId: string): Promise<{ deleted: boolean }> {
    const tenant = isUuid(tenantId) ? await this.repository.findById(tenantId) : null;
    if (!tenant) return { deleted: false };
    await this.repository.delete(tenantId);
    await this.blockList.clear(tenantId);
    await this.audit(context, 'tenancy.tenant.deleted', tenant, { via: 'registration-rollback' });
    return { deleted: true };
  }

  /** Ids that are not UUIDs cannot name a tenant: left out like unknown ones. */
  async lookup(tenantIds: string[]): Promise<TenantSummary[]> {
    const ids = [...new Set(tenantIds)].filter(isUuid);
    return (await this.repository.findByIds(ids)).map(toTenantSummary);
  }

  private async ownTenant(context: RequestContext, query: ListTenantsQuery, offset: number): Promise<[TenantEntity[], number]> {
    const tenantId = context.actor?.tenantId;
    const tenant = tenantId ? await this.repository.findById(tenantId) : null;
    const matches = !!tenant && matchesFilter(tenant, query);
    return [matches && offset === 0 ? [tenant] : [], matches ? 1 : 0];
  }

  /** The tenant if the caller may see it; otherwise, and for a missing one, the same 404. */
  async visible(context: RequestContext, id: string): Promise<TenantEntity> {
    if (!canSeeTenant(context.actor, id)) throw tenantNotFound();
    const tenant = await this.repository.findById(id);
    if (!tenant) throw tenantNotFound();
    return tenant;
  }

  private async manageable(context: RequestContext, id: string): Promise<TenantEntity> {
    const tenant = await this.visible(context, id);
    if (!canManageTenant(context.actor, id)) throw forbidden("Only the tenant's owners and admins change it.");
    return tenant;
  }

  private async refuseTakenDomain(domain: string, exceptId?: string): Promise<void> {
    if (await this.repository.domainTaken(domain, exceptId)) {
      throw new DomainError(ErrorCode.TenantDomainTaken, 409, `The domain "${domain}" belongs to another tenant. Choose another one.`);
    }
  }

  /** The domain (or name) as a slug; a random suffix when another tenant has it. */
  private async uniqueSlug(source: string): Promise<string> {
    const base = slugify(source);
    if (!(await this.repository.slugTaken(base)) && !(await this.repository.domainTaken(base))) return base;
    for (;;) {
      const candidate = `${base.slice(0, 56)}-${Math.random().toString(36).slice(2, 8)}`;
      if (!(await this.repository.slugTaken(candidate)) && !(await this.repository.domainTaken(candidate))) return candidate;
    }
  }

  private async undoCreate(tenantId: string): Promise<void> {
    try {
      await this.repository.delete(tenantId);
      await this.blockList.clear(tenantId);
    } catch (error) {
      this.logger.error(`Could not delete tenant ${tenantId}, whose owner could not be provisioned: ${(error as Error).message}`);
    }
  }

  private audit(context: RequestContext, action: string, tenant: TenantEntity, details: Record<string, unknown>): Promise<void> {
    return this.events.audit(context, { action, resourceType: 'tenant', resourceId: tenant.id, tenantId: tenant.id, details });
  }
}

function matchesFilter(tenant: TenantEntity, query: ListTenantsQuery): boolean {
  if (query.status && tenant.status !== query.status) return false;
  const term = query.search?.trim().toLowerCase();
  return !term || [tenant.name, tenant.slug, tenant.domain].some((value) => value.toLowerCase().includes(term));
}

export function slugify(source: string): string {
  const slug = source
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return slug || 'tenant';
}
