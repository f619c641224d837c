import { randomUUID } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

import { Injectable, Logger } from '@nestjs/common';

import {
  DomainError,
  ErrorCode,
  validationFailed,
  type ApiKeyActor,
  type ApiKeyBody,
  type ApiKeyCreatedResponse,
  type ApiKeyListResponse,
  type ApiKeyPermissionsBody,
  type ApiKeyResponse,
  type ApiKeyRotatedResponse,
  type ApiKeyUpdatedResponse,
  type FieldProblem,
  type ListApiKeysQuery,
  type PatchApiKeysBody,
  type PostApiKeysBody,
  type RequestContext,
} from '@lib/contracts';
import { EventPublisher } from '@lib/transport';

import type { ApiKeyEntity } from './api-key.entity';
import { ApiKeyCacheRepository } from './api-key-cache.repository';
import { ApiKeySecretsService } from './api-key-secrets.service';
import { ApiKeysRepository, type ApiKeyChanges } from './api-keys.repository';

/** Roles of a tenant that manage its API keys: a key reaches as far as a tenant admin (MCP_DEVELOPER template). */
export const API_KEY_MANAGER_ROLES: readonly string[] = ['owner', 'admin'];

const SHOWN_ONCE = 'Store this API key now: it is shown only once and cannot be retrieved again (rotate the key if it is lost).';

/** Who manages keys in a request: a user with a manager role in the tenant of the token. */
interface Manager {
  tenantId: string;
  userId: string;
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly cache: ApiKeyCacheRepository,
    private readonly secrets: ApiKeySecretsService,
    private readonly events: EventPublisher,
  ) {}

  async list(context: RequestContext, query: ListApiKeysQuery): Promise<ApiKeyListResponse> {
    const { tenantId } = managerOf(context);
    const rows = await this.keys.listNewestFirst(tenantId, { limit: query.limit, offset: query.offset });
    return { data: rows.map(toBody) };
  }

  async get(context: RequestContext, id: string): Promise<ApiKeyResponse> {
    const { tenantId } = managerOf(context);
    return { data: toBody(await this.find(tenantId, id)) };
  }

  async create(context: RequestContext, body: PostApiKeysBody): Promise<ApiKeyCreatedResponse> {
    const { tenantId, userId } = managerOf(context);
    assertValid([...expiryProblems(body.expires_at), ...ipWhitelistProblems(body.ip_whitelist)]);
    const issued = this.secrets.issue();
    const now = new Date();
    const key = await this.keys.insert({
      id: randomUUID(),
      tenantId,
      keyUuid: issued.keyUuid,
      keyHash: issued.keyHash,
      keyPreview: issued.keyPreview,
      name: body.name,
      description: body.description ?? null,
      permissions: plainPermissions(body.permissions ?? {}),
      mcpWriteEnabled: body.mcp_write_enabled ?? false,
      enabled: true,
      expiresAt: body.expires_at ? new Date(body.expires_at) : null,
      ipWhitelist: body.ip_whitelist ?? null,
      deviceFingerprint: body.device_fingerprint ?? null,
      lastUsedAt: null,
      lastUsedIp: null,
      requestCount: 0,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    });
    await this.audit(context, 'identity.api-key.created', key, { name: key.name, keyPreview: key.keyPreview });
    return { data: toBody(key), fullKey: issued.fullKey, message: SHOWN_ONCE };
  }

  async update(context: RequestContext, id: string, body: PatchApiKeysBody): Promise<ApiKeyUpdatedResponse> {
    const { tenantId } = managerOf(context);
    assertValid([...expiryProblems(body.expires_at), ...ipWhitelistProblems(body.ip_whitelist)]);
    const key = await this.find(tenantId, id);
    const changes = changesOf(key, body);
    const updated = await this.change(tenantId, key, changes);
    await this.audit(context, 'identity.api-key.updated', updated, { fields: Object.keys(body).sort() });
    return { data: toBody(updated) };
  }

  async rotate(context: RequestContext, id: string): Promise<ApiKeyRotatedResponse> {
    const { tenantId } = managerOf(context);
    const key = await this.find(tenantId, id);
    const issued = this.secrets.issue(key.keyUuid);
    const rotated = await this.change(tenantId, key, { keyHash: issued.keyHash, keyPreview: issued.keyPreview });
    await this.audit(context, 'identity.api-key.rotated', rotated, { name: rotated.name, keyPreview: rotated.keyPreview });
    return { data: toBody(rotated), fullKey: issued.fullKey, message: SHOWN_ONCE };
  }

  async delete(context: RequestContext, id: string): Promise<void> {
    const { tenantId } = managerOf(context);
    const key = await this.find(tenantId, id);
    await this.cache.forget(key.keyHash);
    if ((await this.keys.delete(tenantId, { id })) === 0) throw apiKeyNotFound();
    await this.forgetAgain(key.keyHash);
    await this.audit(context, 'identity.api-key.deleted', key, { name: key.name, keyPreview: key.keyPreview });
  }

  /** The gateway's lookup of `X-API-Key` by its SHA-256 hex; it checks enabled, expiry and IPs itself. */
  async resolve(keyHash: string): Promise<ApiKeyActor | null> {
    if (!/^[0-9a-f]{64}$/.test(keyHash)) return null;
    const key = await this.keys.findByHash(keyHash);
    if (!key) return null;
    // A key acts on its creator's behalf: once the creator's account is deleted or has left the key's tenant, the
    // key is refused even if it is still enabled (keys without a creator, created_by NULL, stay valid).
    if (key.createdBy !== null && !(await this.keys.creatorIsMember(key.createdBy, key.tenantId))) return null;
    return {
      keyId: key.id,
      tenantId: key.tenantId,
      userId: key.createdBy,
      enabled: key.enabled,
      expiresAt: key.expiresAt?.toISOString() ?? null,
      ipWhitelist: key.ipWhitelist ?? [],
    };
  }

  /**
   * Disables the keys `userId` created, everywhere (account deleted) or in `tenantId` only (left the tenant), and
   * makes the gateway forget their cached entries so they stop working at once. Answers how many keys were disabled.
   * Redis down: 503 after the keys are disabled; resolve() refuses them anyway, and a retry forgets the entries.
   */
  async disableKeysOf(userId: string, tenantId?: string): Promise<number> {
    const hashes = await this.keys.disableCreatedBy(userId, new Date(), tenantId);
    await Promise.all(hashes.map((hash) => this.cache.forget(hash)));
    return hashes.length;
  }

  private async find(tenantId: string, id: string): Promise<ApiKeyEntity> {
    const key = await this.keys.findOne(tenantId, { id });
    if (!key) throw apiKeyNotFound();
    return key;
  }

  /**
   * Writes a change and makes the gateway forget the key's old state. The cache entry is deleted before the
   * write (Redis down: nothing changes, 503) and again after it, in case a gateway re-cached the old row meanwhile.
   */
  private async change(tenantId: string, key: ApiKeyEntity, changes: ApiKeyChanges): Promise<ApiKeyEntity> {
    const updatedAt = new Date();
    await this.cache.forget(key.keyHash);
    if (!(await this.keys.update(tenantId, key.id, { ...changes, updatedAt }))) throw apiKeyNotFound();
    await this.forgetAgain(key.keyHash);
    return { ...key, ...changes, updatedAt };
  }

  private async forgetAgain(keyHash: string): Promise<void> {
    await this.cache.forget(keyHash).catch((err: unknown) => {
      this.logger.warn(`Could not clear the gateway cache of a changed API key a second time: ${(err as Error).message}`);
    });
  }

  private audit(context: RequestContext, action: string, key: ApiKeyEntity, details: Record<string, unknown>): Promise<void> {
    return this.events.audit(context, { action, resourceType: 'api-key', resourceId: key.id, tenantId: key.tenantId, details });
  }
}

/** The caller must be a user acting in a tenant, with a manager role there. */
function managerOf(context: RequestContext): Manager {
  const actor = context.actor;
  if (!actor) throw new DomainError(ErrorCode.Unauthorized, 401, 'Sign in to manage API keys.');
  if (actor.type !== 'user') {
    throw new DomainError(ErrorCode.Forbidden, 403, 'API keys cannot manage API keys: use the access token of an owner or admin.');
  }
  if (!actor.tenantId) {
    throw new DomainError(ErrorCode.Forbidden, 403, 'API keys belong to a tenant: switch to a tenant first.');
  }
  if (!API_KEY_MANAGER_ROLES.includes(actor.role ?? '')) {
    throw new DomainError(ErrorCode.Forbidden, 403, 'Only owners and admins of the tenant manage its API keys.');
  }
  return { tenantId: actor.tenantId, userId: actor.id };
}

/** The same answer for a key of another tenant as for one that does not exist. */
function apiKeyNotFound(): DomainError {
  return DomainError.notFound(ErrorCode.ApiKeyNotFound, 'No such API key. GET /api/v1/secure/api-keys lists the keys of your tenant.');
}

function toBody(key: ApiKeyEntity): ApiKeyBody {
  return {
    id: key.id,
    tenantId: key.tenantId,
    key_uuid: key.keyUuid,
    key_preview: key.keyPreview,
    name: key.name,
    description: key.description,
    permissions: key.permissions,
    mcp_write_enabled: key.mcpWriteEnabled,
    enabled: key.enabled,
    expires_at: key.expiresAt?.toISOString() ?? null,
    ip_whitelist: key.ipWhitelist,
    device_fingerprint: key.deviceFingerprint,
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    last_used_ip: key.lastUsedIp,
    request_count: key.requestCount,
    created_by: key.createdBy,
    created_at: key.createdAt.toISOString(),
    updated_at: key.updatedAt.toISOString(),
  };
}

/** PATCH semantics: absent leaves a field alone, null clears a nullable one, permissions merge per section. */
function changesOf(key: ApiKeyEntity, body: PatchApiKeysBody): ApiKeyChanges {
  const changes: ApiKeyChanges = {};
  if (body.name !== undefined) changes.name = body.name;
  if (body.description !== undefined) changes.description = body.description;
  if (body.permissions !== undefined) changes.permissions = mergePermissions(key.permissions, body.permissions);
  if (body.mcp_write_enabled !== undefined) changes.mcpWriteEnabled = body.mcp_write_enabled;
  if (body.enabled !== undefined) changes.enabled = body.enabled;
  if (body.expires_at !== undefined) changes.expiresAt = body.expires_at === null ? null : new Date(body.expires_at);
  if (body.ip_whitelist !== undefined) changes.ipWhitelist = body.ip_whitelist;
  if (body.device_fingerprint !== undefined) changes.deviceFingerprint = body.device_fingerprint;
  return changes;
}

type Section = Record<string, unknown>;

/** The permissions as plain JSON (the body holds DTO instances), without absent entries. */
function plainPermissions(permissions: object): ApiKeyPermissionsBody {
  return JSON.parse(JSON.stringify(permissions)) as ApiKeyPermissionsBody;
}

/** "Partial update supported": each section sent replaces only the flags it names. */
export function mergePermissions(current: ApiKeyPermissionsBody, patch: object): ApiKeyPermissionsBody {
  const merged: Record<string, Section> = { ...(current as Record<string, Section>) };
  for (const [section, flags] of Object.entries(plainPermissions(patch) as Record<string, Section>)) {
    merged[section] = { ...merged[section], ...flags };
  }
  return merged as ApiKeyPermissionsBody;
}

function assertValid(problems: FieldProblem[]): void {
  if (problems.length > 0) throw validationFailed(problems);
}

function expiryProblems(expiresAt: string | null | undefined): FieldProblem[] {
  if (!expiresAt || Date.parse(expiresAt) > Date.now()) return [];
  return [{ field: 'expires_at', location: 'body', messages: ['expires_at must be in the future'] }];
}

/** Each entry must be an IPv4 or IPv6 address, or a CIDR range of one (`10.0.0.0/8`, `2001:db8::/32`). */
export function ipWhitelistProblems(whitelist: readonly string[] | null | undefined): FieldProblem[] {
  const invalid = (whitelist ?? []).filter((entry) => !isIpOrCidr(entry));
  if (invalid.length === 0) return [];
  const messages = invalid.map((entry) => `"${entry}" is not an IPv4/IPv6 address or CIDR range (e.g. 192.168.1.0/24)`);
  return [{ field: 'ip_whitelist', location: 'body', messages }];
}

export function isIpOrCidr(entry: string): boolean {
  const parts = entry.split('/');
  if (parts.length > 2) return false;
  const [address, bits] = parts;
  const version = isIP(address);
  if (version === 0 || address.includes('%')) return false;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > (version === 4 ? 32 : 128)) return false;
  try {
    new BlockList().addSubnet(address, Number(bits), family);
    return true;
  } catch {
    return false;
  }
}
