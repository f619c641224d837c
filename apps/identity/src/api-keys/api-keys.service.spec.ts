import { createHash } from 'node:crypto';

import { plainToInstance } from 'class-transformer';

import { DomainError, ErrorCode, PostApiKeysBody, type Actor, type RequestContext } from '@lib/contracts';
import type { EventPublisher } from '@lib/transport';

import type { ApiKeyEntity } from './api-key.entity';
import type { ApiKeyCacheRepository } from './api-key-cache.repository';
import { ApiKeySecretsService } from './api-key-secrets.service';
import type { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService, isIpOrCidr, mergePermissions } from './api-keys.service';

const TENANT_A = '0b0f6c1e-1111-4a53-9a59-3f0d2f3c1a10';
const TENANT_B = '0b0f6c1e-2222-4a53-9a59-3f0d2f3c1a10';
const OWNER = '4b0c8b2e-4a8e-4a53-9a59-3f0d2f3c1a10';
const KEY_ID = '7d6b1c1a-5f3e-4c2b-9a1d-2e3f4a5b6c7d';
const KEY_FORMAT = /^pk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

function context(actor: Partial<Actor> | null = {}): RequestContext {
  const full: Actor | null = actor && {
    type: 'user',
    id: OWNER,
    tenantId: TENANT_A,
    role: 'owner',
    sessionId: 'sid-1',
    isSystemAdmin: false,
    ...actor,
  };
  return { requestId: 'req-1', actor: full, tenantId: full?.tenantId ?? null, locale: null, ip: '127.0.0.1', userAgent: null };
}

function keyRow(overrides: Partial<ApiKeyEntity> = {}): ApiKeyEntity {
  return {
    id: KEY_ID,
    tenantId: TENANT_A,
    keyUuid: 'a1b2c3d4-0000-4000-8000-000000000000',
    keyHash: 'a'.repeat(64),
    keyPreview: 'pk_a1b2c3d4_...wxyz',
    name: 'CI',
    description: null,
    permissions: { tags: { read: true } },
    mcpWriteEnabled: false,
    enabled: true,
    expiresAt: null,
    ipWhitelist: null,
    deviceFingerprint: null,
    lastUsedAt: null,
    lastUsedIp: null,
    requestCount: 0,
    createdBy: OWNER,
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    updatedAt: new Date('2026-01-01T00:00:00.000Z'),
    ...overrides,
  };
}

/** Every repository/cache/event method is a mock; a call to one not set up fails the test. */
function mocks() {
  const unexpected = (name: string): jest.Mock => jest.fn(() => Promise.reject(new Error(`unexpected call to ${name}`)));
  const keys = {
    listNewestFirst: unexpected('listNewestFirst'),
    insert: jest.fn((row: ApiKeyEntity) => Promise.resolve(row)) as jest.Mock,
    update: unexpected('update'),
    findOne: unexpected('findOne'),
    delete: unexpected('delete'),
    findByHash: unexpected('findByHash'),
    creatorIsMember: jest.fn().mockResolvedValue(true) as jest.Mock,
    disableCreatedBy: unexpected('disableCreatedBy'),
  };
  const cache = { forget: jest.fn().mockResolvedValue(undefined) };
  const events = { audit: jest.fn().mockResolvedValue(undefined) };
  return { keys, cache, events };
}

describe('ApiKeysService', () => {
  let m: ReturnType<typeof mocks>;
  let service: ApiKeysService;

  beforeEach(() => {
    m = mocks();
    service = new ApiKeysService(
      m.keys as unknown as ApiKeysRepository,
      m.cache as unknown as ApiKeyCacheRepository,
      new ApiKeySecretsService(),
      m.events as unknown as EventPublisher,
    );
  });

  const body = (plain: object) => plainToInstance(PostApiKeysBody, plain);

  describe('create', () => {
    it('returns pk_<8 hex>_<32 random bytes base64url> once and stores only its SHA-256 and a preview', async () => {
      const res = await service.create(context(), body({ name: 'CI', ip_whitelist: ['10.0.0.0/8'] }));
      expect(res.fullKey).toMatch(KEY_FORMAT);
      const secret = res.fullKey.slice('pk_12345678_'.length);
      expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
      const stored = m.keys.insert.mock.calls[0][0];
      expect(stored.keyHash).toBe(createHash('sha256').update(res.fullKey).digest('hex'));
      expect(JSON.stringify(stored)).not.toContain(secret);
      expect(stored.keyPreview).toBe(`pk_${res.fullKey.split('_')[1]}_...${res.fullKey.slice(-4)}`);
      expect(res.fullKey.split('_')[1]).toBe(stored.keyUuid.replace(/-/g, '').slice(0, 8));
      expect(JSON.stringify(res.data)).not.toContain(res.fullKey);
      expect(res.message).toMatch(/only once/);
      expect(res.data).toMatchObject({
        tenantId: TENANT_A,
        name: 'CI',
        key_preview: stored.keyPreview,
        key_uuid: stored.keyUuid,
        enabled: true,
        mcp_write_enabled: false,
        permissions: {},
        ip_whitelist: ['10.0.0.0/8'],
        request_count: 0,
        created_by: OWNER,
        expires_at: null,
      });
    });

    it('issues a different key every time', async () => {
      const keys = new Set<string>();
      for (let i = 0; i < 50; i++) keys.add((await service.create(context(), body({ name: `k${i}` }))).fullKey);
      expect(keys.size).toBe(50);
    });

    it('stores the key in the tenant of the token and audits it without the key', async () => {
      const res = await service.create(context({ tenantId: TENANT_B, role: 'admin' }), body({ name: 'x', permissions: { geo: { geocode: true } } }));
      expect(m.keys.insert.mock.calls[0][0]).toMatchObject({ tenantId: TENANT_B, permissions: { geo: { geocode: true } } });
      expect(m.events.audit).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({
        action: 'identity.api-key.created',
        resourceType: 'api-key',
        resourceId: res.data.id,
        tenantId: TENANT_B,
      }));
      expect(JSON.stringify(m.events.audit.mock.calls)).not.toContain(res.fullKey);
    });

    it('refuses whitelist entries that are neither addresses nor CIDR ranges with 422', async () => {
      const error = await service
        .create(context(), body({ name: 'x', ip_whitelist: ['10.0.0.1', '10.0.0.300', '10.0.0.0/33', 'localhost'] }))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: ErrorCode.ValidationFailed, status: 422 });
      const messages = (error as DomainError).details?.['fields'] as { field: string; messages: string[] }[];
      expect(messages[0].field).toBe('ip_whitelist');
      expect(messages[0].messages).toHaveLength(3);
      expect(m.keys.insert).not.toHaveBeenCalled();
    });

    it('refuses an expiry in the past with 422', async () => {
      await expect(service.create(context(), body({ name: 'x', expires_at: '2020-01-01T00:00:00Z' }))).rejects.toMatchObject({
        code: ErrorCode.ValidationFailed,
        status: 422,
      });
    });
  });

  describe('who may manage keys', () => {
    it.each([
      ['a member', { role: 'member' }],
      ['a token without a tenant', { tenantId: null }],
      ['an API key', { type: 'api-key' as const, role: null }],
      ['a system admin outside the tenant roles', { role: null, isSystemAdmin: true }],
    ])('refuses %s with 403', async (_, actor) => {
      await expect(service.list(context(actor), {})).rejects.toMatchObject({ code: ErrorCode.Forbidden, status: 403 });
      await expect(service.create(context(actor), body({ name: 'x' }))).rejects.toMatchObject({ status: 403 });
      expect(m.keys.insert).not.toHaveBeenCalled();
    });

    it('lets owners and admins in', async () => {
      m.keys.listNewestFirst.mockResolvedValue([]);
      await expect(service.list(context({ role: 'admin' }), {})).resolves.toEqual({ data: [] });
      await expect(service.list(context({ role: 'owner' }), {})).resolves.toEqual({ data: [] });
    });
  });

  describe('tenant scope', () => {
    it('lists only the tenant of the token, with the page asked for', async () => {
      m.keys.listNewestFirst.mockResolvedValue([keyRow()]);
      const { data } = await service.list(context(), { limit: 10, offset: 5 });
      expect(m.keys.listNewestFirst).toHaveBeenCalledWith(TENANT_A, { limit: 10, offset: 5 });
      expect(data).toHaveLength(1);
      expect(data[0]).not.toHaveProperty('keyHash');
      expect(JSON.stringify(data)).not.toContain('a'.repeat(64));
    });

    it('answers 404 API_KEY_NOT_FOUND for a key the tenant does not have, as for a missing one', async () => {
      m.keys.findOne.mockResolvedValue(null);
      for (const call of [
        () => service.get(context(), KEY_ID),
        () => service.update(context(), KEY_ID, { name: 'y' }),
        () => service.rotate(context(), KEY_ID),
        () => service.delete(context(), KEY_ID),
      ]) {
        await expect(call()).rejects.toMatchObject({ code: ErrorCode.ApiKeyNotFound, status: 404 });
      }
      expect(m.keys.findOne.mock.calls.every(([tenantId]) => tenantId === TENANT_A)).toBe(true);
      expect(m.cache.forget).not.toHaveBeenCalled();
    });
  });

  describe('update', () => {
    beforeEach(() => {
      m.keys.findOne.mockResolvedValue(keyRow({ ipWhitelist: ['10.0.0.1'], expiresAt: new Date('2099-01-01T00:00:00Z') }));
      m.keys.update.mockResolvedValue(true);
    });

    it('changes only the fields sent, clears nullable ones with null, merges permissions per section', async () => {
      const { data } = await service.update(context(), KEY_ID, {
        enabled: false,
        ip_whitelist: null,
        expires_at: null,
        permissions: { tags: { read: false }, geo: { geocode: true } },
      });
      expect(data).toMatchObject({
        name: 'CI',
        enabled: false,
        ip_whitelist: null,
        expires_at: null,
        permissions: { tags: { read: false }, geo: { geocode: true } },
      });
      const [tenantId, id, changes] = m.keys.update.mock.calls[0];
      expect([tenantId, id]).toEqual([TENANT_A, KEY_ID]);
      expect(Object.keys(changes).sort()).toEqual(['enabled', 'expiresAt', 'ipWhitelist', 'permissions', 'updatedAt']);
    });

    it('makes the gateway forget the cached key before and after the write', async () => {
      await service.update(context(), KEY_ID, { enabled: false });
      expect(m.cache.forget).toHaveBeenCalledTimes(2);
      expect(m.cache.forget).toHaveBeenCalledWith('a'.repeat(64));
      expect(m.cache.forget.mock.invocationCallOrder[0]).toBeLessThan(m.keys.update.mock.invocationCallOrder[0]);
      expect(m.cache.forget.mock.invocationCallOrder[1]).toBeGreaterThan(m.keys.update.mock.invocationCallOrder[0]);
      expect(m.events.audit).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ action: 'identity.api-key.updated' }));
    });

    it('changes nothing when Redis cannot forget the key (503)', async () => {
      m.cache.forget.mockRejectedValueOnce(new DomainError(ErrorCode.ServiceUnavailable, 503, 'down'));
      await expect(service.update(context(), KEY_ID, { enabled: false })).rejects.toMatchObject({ status: 503 });
      expect(m.keys.update).not.toHaveBeenCalled();
    });

    it('validates the whitelist before touching the key', async () => {
      await expect(service.update(context(), KEY_ID, { ip_whitelist: ['2001:db8::/129'] })).rejects.toMatchObject({ status: 422 });
      expect(m.keys.findOne).not.toHaveBeenCalled();
    });
  });

  describe('rotate', () => {
    it('issues a new secret with the same prefix, stores its hash and forgets the old one', async () => {
      const old = keyRow({ keyUuid: 'a1b2c3d4-0000-4000-8000-000000000000' });
      m.keys.findOne.mockResolvedValue(old);
      m.keys.update.mockResolvedValue(true);
      const res = await service.rotate(context(), KEY_ID);
      expect(res.fullKey).toMatch(/^pk_a1b2c3d4_[A-Za-z0-9_-]{43}$/);
      const changes = m.keys.update.mock.calls[0][2];
      expect(changes.keyHash).toBe(createHash('sha256').update(res.fullKey).digest('hex'));
      expect(changes.keyHash).not.toBe(old.keyHash);
      expect(m.cache.forget).toHaveBeenCalledWith(old.keyHash);
      expect(m.cache.forget).not.toHaveBeenCalledWith(changes.keyHash);
      expect(res.data.key_preview).toBe(`pk_a1b2c3d4_...${res.fullKey.slice(-4)}`);
      expect(res.data.key_uuid).toBe(old.keyUuid);
      expect(JSON.stringify(m.events.audit.mock.calls)).not.toContain(res.fullKey);
      expect(m.events.audit).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ action: 'identity.api-key.rotated' }));
    });
  });

  describe('delete', () => {
    it('deletes in the tenant, forgets the cached key and audits', async () => {
      m.keys.findOne.mockResolvedValue(keyRow());
      m.keys.delete.mockResolvedValue(1);
      await service.delete(context(), KEY_ID);
      expect(m.keys.delete).toHaveBeenCalledWith(TENANT_A, { id: KEY_ID });
      expect(m.cache.forget).toHaveBeenCalledWith('a'.repeat(64));
      expect(m.events.audit).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ action: 'identity.api-key.deleted' }));
    });
  });

  describe('resolve (internal, for the gateway)', () => {
    it('answers the actor of a key by its hash, creator as user', async () => {
      m.keys.findByHash.mockResolvedValue(keyRow({ expiresAt: new Date('2099-01-01T00:00:00Z'), ipWhitelist: ['::1'] }));
      await expect(service.resolve('a'.repeat(64))).resolves.toEqual({
        keyId: KEY_ID,
        tenantId: TENANT_A,
        userId: OWNER,
        enabled: true,
        expiresAt: '2099-01-01T00:00:00.000Z',
        ipWhitelist: ['::1'],
      });
    });

    it('answers null for an unknown hash, and for anything that is not a SHA-256 hex without a query', async () => {
      m.keys.findByHash.mockResolvedValue(null);
      await expect(service.resolve('b'.repeat(64))).resolves.toBeNull();
      await expect(service.resolve("' OR 1=1 --")).resolves.toBeNull();
      expect(m.keys.findByHash).toHaveBeenCalledTimes(1);
    });

    it('answers an empty whitelist when the key has none', async () => {
      m.keys.findByHash.mockResolvedValue(keyRow());
      await expect(service.resolve('a'.repeat(64))).resolves.toMatchObject({ ipWhitelist: [], expiresAt: null });
    });

    it("refuses (null) a key whose creator is deleted or no longer a member of the key's tenant", async () => {
      m.keys.findByHash.mockResolvedValue(keyRow({ tenantId: TENANT_B }));
      m.keys.creatorIsMember.mockResolvedValue(false);
      await expect(service.resolve('a'.repeat(64))).resolves.toBeNull();
      expect(m.keys.creatorIsMember).toHaveBeenCalledWith(OWNER, TENANT_B);
    });

    it('keeps a key without a creator (created_by NULL) valid without asking about one', async () => {
      m.keys.findByHash.mockResolvedValue(keyRow({ createdBy: null }));
      m.keys.creatorIsMember.mockResolvedValue(false);
      await expect(service.resolve('a'.repeat(64))).resolves.toMatchObject({ keyId: KEY_ID, userId: null, enabled: true });
      expect(m.keys.creatorIsMember).not.toHaveBeenCalled();
    });
  });

  describe('disableKeysOf (account deleted, tenant left)', () => {
    it("disables the user's keys in every tenant and forgets each one's gateway cache entry", async () => {
      m.keys.disableCreatedBy.mockResolvedValue(['a'.repeat(64), 'b'.repeat(64)]);
      await expect(service.disableKeysOf(OWNER)).resolves.toBe(2);
      expect(m.keys.disableCreatedBy).toHaveBeenCalledWith(OWNER, expect.any(Date), undefined);
      expect(m.cache.forget.mock.calls.map(([hash]) => hash).sort()).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    });

    it('limits itself to one tenant when given one', async () => {
      m.keys.disableCreatedBy.mockResolvedValue([]);
      await expect(service.disableKeysOf(OWNER, TENANT_B)).resolves.toBe(0);
      expect(m.keys.disableCreatedBy).toHaveBeenCalledWith(OWNER, expect.any(Date), TENANT_B);
      expect(m.cache.forget).not.toHaveBeenCalled();
    });

    it('answers 503 when Redis cannot forget the entries (the keys are disabled already; resolve refuses them)', async () => {
      m.keys.disableCreatedBy.mockResolvedValue(['a'.repeat(64)]);
      m.cache.forget.mockRejectedValue(new DomainError(ErrorCode.ServiceUnavailable, 503, 'down'));
      await expect(service.disableKeysOf(OWNER)).rejects.toMatchObject({ status: 503 });
    });
  });
});

describe('isIpOrCidr', () => {
  it.each(['10.0.0.1', '192.168.1.0/24', '0.0.0.0/0', '::1', '2001:db8::/32', '::ffff:10.0.0.1', 'fe80::1/128'])('accepts %s', (entry) => {
    expect(isIpOrCidr(entry)).toBe(true);
  });

  it.each(['', '10.0.0', '10.0.0.256', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/', '10.0.0.0/8/8', '2001:db8::/129', 'fe80::1%eth0', 'example.com', '10.0.0.0/ 8'])(
    'refuses "%s"',
    (entry) => {
      expect(isIpOrCidr(entry)).toBe(false);
    },
  );
});

describe('mergePermissions', () => {
  it('keeps sections and flags not sent', () => {
    expect(mergePermissions({ resources: { read: true, properties: ['a'] }, tags: { read: true } }, { resources: { write: true } })).toEqual({
      resources: { read: true, write: true, properties: ['a'] },
      tags: { read: true },
    });
  });
});
