import { DomainError, type RequestContext } from '@lib/contracts';
import type { EventPublisher, NatsRpcClient } from '@lib/transport';
import { rejection } from '@lib/testing';

import type { LanguageSyncService } from '../language-sync/language-sync.service';
import type { TenantBlockList } from './tenant-block-list';
import type { TenantEntity } from './tenant.entity';
import type { TenantTransitions } from './tenant-transitions';
import type { TenantsRepository } from './tenants.repository';
import { slugify, TenantsService } from './tenants.service';
import { contextOf, member, owner, strictMock, systemAdmin, TENANT_A, TENANT_B, tenantRow, USER } from './testing/tenant.factory';

describe('TenantsService', () => {
  let repository: jest.Mocked<TenantsRepository>;
  let blockList: jest.Mocked<TenantBlockList>;
  let events: jest.Mocked<EventPublisher>;
  let rpc: jest.Mocked<NatsRpcClient>;
  let transitions: jest.Mocked<TenantTransitions>;
  let languageSync: jest.Mocked<LanguageSyncService>;
  let service: TenantsService;
  let rows: Map<string, TenantEntity>;

  beforeEach(() => {
    rows = new Map([
      [TENANT_A, tenantRow()],
      [TENANT_B, tenantRow({ id: TENANT_B, name: 'Beta', slug: 'beta', domain: 'beta' })],
    ]);
    repository = strictMock<TenantsRepository>({
      findById: jest.fn(async (id: string) => rows.get(id) ?? null),
      findByIds: jest.fn(async (ids: string[]) => ids.flatMap((id) => rows.get(id) ?? [])),
      listAll: jest.fn(async () => [[...rows.values()], rows.size]),
      domainTaken: jest.fn(async (domain: string, exceptId?: string) => [...rows.values()].some((t) => t.domain === domain && t.id !== exceptId)),
      slugTaken: jest.fn(async (slug: string) => [...rows.values()].some((t) => t.slug === slug)),
      insert: jest.fn(async (values) => tenantRow({ ...values, id: 'new-id' })),
      update: jest.fn(async (id: string, changes) => ({ ...(rows.get(id) ?? tenantRow({ id })), ...changes })),
      delete: jest.fn(async () => true),
    });
    blockList = strictMock<TenantBlockList>({ sync: jest.fn(), clear: jest.fn(), blockDeleted: jest.fn() });
    events = strictMock<EventPublisher>({ audit: jest.fn() });
    rpc = strictMock<NatsRpcClient>({ request: jest.fn() });
    transitions = strictMock<TenantTransitions>({ apply: jest.fn() });
    languageSync = strictMock<LanguageSyncService>({ recordChanges: jest.fn() });
    service = new TenantsService(blockList, events, languageSync, repository, rpc, transitions);
  });

  describe('list', () => {
    it('lists every tenant for a system administrator, with its filters', async () => {
      const result = await service.list(contextOf(systemAdmin()), { limit: 10, offset: 0, search: 'be', status: 'active' });
      expect(repository.listAll).toHaveBeenCalledWith({ search: 'be', status: 'active' }, { limit: 10, offset: 0 });
      expect(result.pagination).toEqual({ total: 2, limit: 10, offset: 0, hasMore: false });
    });

    it("shows anyone else only their own tenant, and counts nothing else", async () => {
      const result = await service.list(contextOf(member()), {});
      expect(repository.listAll).not.toHaveBeenCalled();
      expect(result.data.map((t) => t.id)).toEqual([TENANT_A]);
      expect(result.pagination).toEqual({ total: 1, limit: 50, offset: 0, hasMore: false });
    });

    it('applies search and status to the own tenant too', async () => {
      expect((await service.list(contextOf(member()), { search: 'beta' })).pagination?.total).toBe(0);
      expect((await service.list(contextOf(member()), { status: 'inactive' })).data).toEqual([]);
      expect((await service.list(contextOf(member()), { search: 'ACM' })).data).toHaveLength(1);
    });

    it('answers an empty list to a caller without a tenant', async () => {
      const result = await service.list(contextOf(member(null as unknown as string)), {});
      expect(result).toEqual({ data: [], pagination: { total: 0, limit: 50, offset: 0, hasMore: false } });
    });
  });

  describe('get', () => {
    it('answers the own tenant and, to a system administrator, any tenant', async () => {
      expect((await service.get(contextOf(member()), TENANT_A)).data).toMatchObject({ id: TENANT_A, slug: 'acme', status: 'active' });
      expect((await service.get(contextOf(systemAdmin()), TENANT_B)).data.id).toBe(TENANT_B);
    });

    it("answers another tenant's id exactly like a missing one, without reading it", async () => {
      const other = await rejection(service.get(contextOf(owner()), TENANT_B));
      const missing = await rejection(service.get(contextOf(systemAdmin()), '99999999-9999-4999-8999-999999999999'));
      expect(other).toMatchObject({ status: 404, code: 'TENANT_NOT_FOUND' });
      expect(other.toPayload()).toEqual(missing.toPayload());
      expect(repository.findById).not.toHaveBeenCalledWith(TENANT_B);
    });
  });

  describe('create', () => {
    const body = { name: 'Gamma', domain: 'gamma.example.com', ownerEmail: 'owner@gamma.test', ownerPassword: 'correct horse' };

    it('is for system administrators only', async () => {
      expect(await rejection(service.create(contextOf(owner()), body))).toMatchObject({ status: 403 });
      expect(repository.insert).not.toHaveBeenCalled();
    });

    it('creates the tenant, makes the owner through identity, and audits it', async () => {
      rpc.request.mockResolvedValue({ userId: USER });
      const result = await service.create(contextOf(systemAdmin()), body);
      expect(repository.insert).toHaveBeenCalledWith(expect.objectContaining({ slug: 'gamma-example-com', domain: 'gamma.example.com', status: 'active', type: 'trial' }));
      expect(rpc.request).toHaveBeenCalledWith(
        'identity.internal.provision-owner',
        { context: expect.objectContaining({ tenantId: 'new-id' }), body: { tenantId: 'new-id', email: body.ownerEmail, password: body.ownerPassword } },
        expect.any(Number),
      );
      expect(repository.update).toHaveBeenCalledWith('new-id', { ownerUserId: USER });
      expect(blockList.sync).toHaveBeenCalledWith('new-id', 'active');
      expect(events.audit).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ action: 'tenancy.tenant.created', resourceId: 'new-id' }));
      expect(result.data.id).toBe('new-id');
      expect(JSON.stringify(events.audit.mock.calls)).not.toContain(body.ownerPassword);
      expect(languageSync.recordChanges).toHaveBeenCalledWith('new-id', [], []);
    });

    it('deletes the tenant again when identity fails', async () => {
      rpc.request.mockRejectedValue(new DomainError('SERVICE_UNAVAILABLE', 503, 'down'));
      expect(await rejection(service.create(contextOf(systemAdmin()), body))).toMatchObject({ status: 503 });
      expect(repository.delete).toHaveBeenCalledWith('new-id');
      expect(blockList.clear).toHaveBeenCalledWith('new-id');
      expect(events.audit).not.toHaveBeenCalled();
    });

    it('refuses a domain another tenant has with 409', async () => {
      expect(await rejection(service.create(contextOf(systemAdmin()), { ...body, domain: 'beta' }))).toMatchObject({
        status: 409,
        code: 'TENANT_DOMAIN_TAKEN',
      });
      expect(repository.insert).not.toHaveBeenCalled();
    });
  });

  describe('update', () => {
    it('lets owners and admins change name, domain and settings', async () => {
      const result = await service.update(contextOf(owner()), TENANT_A, { name: 'Acme AG', settings: { theme: 'dark' } });
      expect(repository.update).toHaveBeenCalledWith(TENANT_A, { name: 'Acme AG', settings: { theme: 'dark' } });
      expect(result.data.name).toBe('Acme AG');
      expect(transitions.apply).not.toHaveBeenCalled();
    });

    it('refuses members with 403 and other tenants with 404', async () => {
      expect(await rejection(service.update(contextOf(member()), TENANT_A, { name: 'x1' }))).toMatchObject({ status: 403 });
      expect(await rejection(service.update(contextOf(owner()), TENANT_B, { name: 'x1' }))).toMatchObject({ status: 404, code: 'TENANT_NOT_FOUND' });
      expect(repository.update).not.toHaveBeenCalled();
    });

    it("leaves the status to system administrators, through the lifecycle rules", async () => {
      expect(await rejection(service.update(contextOf(owner()), TENANT_A, { status: 'inactive' }))).toMatchObject({ status: 403 });
      transitions.apply.mockResolvedValue(tenantRow({ status: 'maintenance' }));
      const result = await service.update(contextOf(systemAdmin()), TENANT_A, { status: 'maintenance' });
      expect(transitions.apply).toHaveBeenCalledWith(expect.anything(), TENANT_A, 'update', expect.any(Function), undefined, {});
      const decide = transitions.apply.mock.calls[0][3];
      expect(decide(tenantRow({ status: 'active' }))).toEqual({ status: 'maintenance', type: 'trial' });
      expect(() => decide(tenantRow({ status: 'retired' }))).toThrow(DomainError);
      expect(result.data.status).toBe('maintenance');
    });

    it('refuses an illegal status change with 409 before writing anything', async () => {
      const failure = await rejection(service.update(contextOf(systemAdmin()), TENANT_A, { name: 'Renamed', status: 'retired', additional_languages: ['fr'] }));
      expect(failure).toMatchObject({ status: 409, code: 'INVALID_LIFECYCLE_TRANSITION' });
      expect(repository.update).not.toHaveBeenCalled();
      expect(transitions.apply).not.toHaveBeenCalled();
      expect(languageSync.recordChanges).not.toHaveBeenCalled();
      expect(events.audit).not.toHaveBeenCalled();
    });

    it('writes the other fields in the status transition, so a 409 on the locked row keeps them too', async () => {
      transitions.apply.mockResolvedValue(tenantRow({ name: 'Renamed', status: 'inactive', additionalLanguages: ['fr'] }));
      const result = await service.update(contextOf(systemAdmin()), TENANT_A, { name: 'Renamed', status: 'inactive', additional_languages: ['fr'] });
      expect(repository.update).not.toHaveBeenCalled();
      expect(transitions.apply).toHaveBeenCalledWith(expect.anything(), TENANT_A, 'update', expect.any(Function), undefined, {
        name: 'Renamed',
        additionalLanguages: ['fr'],
      });
      expect(languageSync.recordChanges).toHaveBeenCalledWith(TENANT_A, [], ['fr']);
      expect(result.data).toMatchObject({ name: 'Renamed', status: 'inactive' });

      // The status moved meanwhile: the transition refuses, and no language sync is recorded.
      transitions.apply.mockReset();
      languageSync.recordChanges.mockClear();
      transitions.apply.mockRejectedValue(new DomainError('INVALID_LIFECYCLE_TRANSITION', 409, 'moved'));
      expect(await rejection(service.update(contextOf(systemAdmin()), TENANT_A, { name: 'Renamed', status: 'inactive', additional_languages: ['fr'] }))).toMatchObject({ status: 409 });
      expect(repository.update).not.toHaveBeenCalled();
      expect(languageSync.recordChanges).not.toHaveBeenCalled();
    });

    it('accepts the current status from anyone who may change the tenant', async () => {
      await service.update(contextOf(owner()), TENANT_A, { status: 'active', name: 'Same' });
      expect(transitions.apply).not.toHaveBeenCalled();
    });

    it('refuses a domain of another tenant with 409', async () => {
      expect(await rejection(service.update(contextOf(owner()), TENANT_A, { domain: 'beta' }))).toMatchObject({ status: 409 });
    });

    it('records a language sync for changed additional languages, from the languages before the change', async () => {
      rows.set(TENANT_A, tenantRow({ additionalLanguages: ['de'] }));
      await service.update(contextOf(owner()), TENANT_A, { additional_languages: ['fr'] });
      expect(languageSync.recordChanges).toHaveBeenCalledWith(TENANT_A, ['de'], ['fr']);
    });

    it('records no language sync when the languages are not part of the change', async () => {
      await service.update(contextOf(owner()), TENANT_A, { name: 'Acme AG' });
      expect(languageSync.recordChanges).not.toHaveBeenCalled();
    });
  });

  describe('delete', () => {
    it('blocks the credentials, has identity forget the tenant, deletes and audits', async () => {
      rpc.request.mockResolvedValue({ memberships: 2, apiKeys: 1 });
      await service.delete(contextOf(owner()), TENANT_A);
      expect(blockList.blockDeleted).toHaveBeenCalledWith(TENANT_A);
      expect(rpc.request).toHaveBeenCalledWith('identity.internal.forget-tenant', { context: expect.anything(), body: { tenantId: TENANT_A } }, expect.any(Number));
      expect(repository.delete).toHaveBeenCalledWith(TENANT_A);
      expect(events.audit).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ action: 'tenancy.tenant.deleted' }));
    });

    it('deletes nothing and unblocks the tenant when identity cannot forget it', async () => {
      rpc.request.mockRejectedValue(new DomainError('SERVICE_UNAVAILABLE', 503, 'down'));
      expect(await rejection(service.delete(contextOf(owner()), TENANT_A))).toMatchObject({ status: 503 });
      expect(repository.delete).not.toHaveBeenCalled();
      expect(blockList.sync).toHaveBeenCalledWith(TENANT_A, 'active');
    });

    it('refuses members (403) and other tenants (404)', async () => {
      expect(await rejection(service.delete(contextOf(member()), TENANT_A))).toMatchObject({ status: 403 });
      expect(await rejection(service.delete(contextOf(owner()), TENANT_B))).toMatchObject({ status: 404 });
      expect(repository.delete).not.toHaveBeenCalled();
    });
  });

  describe('log retention', () => {
    it('answers the default (90 days) until set, to any member', async () => {
      const { data } = await service.getLogRetention(contextOf(member()), TENANT_A);
      expect(data).toEqual({ tenantId: TENANT_A, retention_days: 90, created_at: '2026-01-15T12:00:00.000Z', updated_at: '2026-01-15T12:00:00.000Z' });
    });

    it('is changed by owners and admins only', async () => {
      const { data } = await service.updateLogRetention(contextOf(owner()), TENANT_A, { retention_days: 30 });
      expect(data?.retention_days).toBe(30);
      expect(await rejection(service.updateLogRetention(contextOf(member()), TENANT_A, { retention_days: 30 }))).toMatchObject({ status: 403 });
      expect(await rejection(service.updateLogRetention(contextOf(owner()), TENANT_B, { retention_days: 30 }))).toMatchObject({ status: 404 });
    });
  });

  describe('internal subjects', () => {
    const internal: RequestContext = contextOf(null);

    it('provisions an active trial tenant owned by the registering user, domain from the name', async () => {
      const summary = await service.provision(internal, { name: 'Zeta Corp', ownerUserId: USER });
      expect(repository.insert).toHaveBeenCalledWith({ name: 'Zeta Corp', slug: 'zeta-corp', domain: 'zeta-corp', status: 'active', type: 'trial', ownerUserId: USER });
      expect(summary).toMatchObject({ id: 'new-id', status: 'active', type: 'trial', ownerUserId: USER });
    });

    it('refuses a taken domain with 409 and a malformed one with 422', async () => {
      expect(await rejection(service.provision(internal, { name: 'B', domain: 'beta', ownerUserId: USER }))).toMatchObject({ status: 409 });
      expect(await rejection(service.provision(internal, { name: 'B', domain: 'no spaces', ownerUserId: USER }))).toMatchObject({ status: 422 });
    });

    it('looks tenants up by id, leaving out unknown and malformed ids', async () => {
      const found = await service.lookup([TENANT_B, TENANT_B, 'nope', '99999999-9999-4999-8999-999999999999']);
      expect(repository.findByIds).toHaveBeenCalledWith([TENANT_B, '99999999-9999-4999-8999-999999999999']);
      expect(found).toEqual([{ id: TENANT_B, name: 'Beta', domain: 'beta', status: 'active', type: 'trial', ownerUserId: USER, selfRegistration: false }]);
    });

    it('deprovisions once', async () => {
      expect(await service.deprovision(internal, TENANT_A)).toEqual({ deleted: true });
      rows.delete(TENANT_A);
      expect(await service.deprovision(internal, TENANT_A)).toEqual({ deleted: false });
    });
  });

  it('slugifies names and domains', () => {
    expect(slugify('Zürich Café GmbH')).toBe('zurich-cafe-gmbh');
    expect(slugify('app.example.com')).toBe('app-example-com');
    expect(slugify('???')).toBe('tenant');
  });
});
