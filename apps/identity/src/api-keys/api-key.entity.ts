import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { ApiKeyPermissionsBody } from '@lib/contracts';

/** request_count is a bigint; pg hands bigints over as strings. */
const bigintAsNumber = { to: (value: number) => value, from: (value: string | number) => Number(value) };

/**
 * One API key of a tenant (`identity.api_keys`). The full key is never stored: only its SHA-256 (hex), which
 * is what the gateway looks keys up by, and a preview that cannot be used.
 */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  /** Public identifier of the key; its first 8 hex digits are the key's prefix (`pk_<prefix>_...`). */
  @Column({ name: 'key_uuid', type: 'uuid' })
  keyUuid: string;

  @Column({ name: 'key_hash', type: 'char', length: 64 })
  keyHash: string;

  @Column({ name: 'key_preview', type: 'text' })
  keyPreview: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'jsonb' })
  permissions: ApiKeyPermissionsBody;

  @Column({ name: 'mcp_write_enabled', type: 'boolean' })
  mcpWriteEnabled: boolean;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** IPv4/IPv6 addresses and CIDR ranges the key may be used from; null (or empty) allows every address. */
  @Column({ name: 'ip_whitelist', type: 'text', array: true, nullable: true })
  ipWhitelist: string[] | null;

  @Column({ name: 'device_fingerprint', type: 'text', nullable: true })
  deviceFingerprint: string | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'last_used_ip', type: 'text', nullable: true })
  lastUsedIp: string | null;

  @Column({ name: 'request_count', type: 'bigint', transformer: bigintAsNumber })
  requestCount: number;

  /** The user who created the key; the gateway's api-key actor acts on that user's behalf. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
