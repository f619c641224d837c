import { createHash } from 'node:crypto';

import { isUuid } from '@lib/contracts';

import type { AuditActorType, AuditEventEntity } from './audit-event.entity';

/** What ingestion needs of one JetStream message (a JsMsg, without the transport). */
export interface AuditMessage {
  subject: string;
  data: Uint8Array;
  /** The publisher's `Nats-Msg-Id` header (EventPublisher sets it to the event id). */
  messageId: string | undefined;
  stream: string;
  streamSequence: number;
  publishedAt: Date;
}

export type ParsedAuditEvent = { record: AuditEventEntity } | { rejected: string };

const ACTOR_TYPES: readonly AuditActorType[] = ['user', 'api-key', 'anonymous', 'system'];
const SUBJECT_PREFIX = 'events.audit.';
/** Keys whose values are credentials, compared lower-case without `-` and `_` (`new_password`, `x-api-key`). */
const SECRET_KEY = /(password|secret|token|authorization|cookie|apikey|fullkey|privatekey)$/;
const MAX_DETAILS_DEPTH = 10;

type Json = Record<string, unknown>;

/**
 * Turns a message of the stream AUDIT into the row to store, or says why it can never be stored
 * (such a message is terminated, not retried). Over-long texts are cut rather than refused: an
 * audit event is worth more shortened than lost.
 */
export function parseAuditEvent(message: AuditMessage): ParsedAuditEvent {
  const payload = decodeObject(message.data);
  if (typeof payload === 'string') return { rejected: payload };
  const resourceType = text(payload['resourceType'], 100);
  if (!resourceType) return { rejected: 'resourceType is missing' };
  const tenantId = payload['tenantId'] ?? null;
  if (tenantId !== null && !isUuid(tenantId)) return { rejected: 'tenantId is not a uuid' };
  const actor = actorOf(payload['actor']);
  if (!actor) return { rejected: 'actor.type is not user, api-key, anonymous or system' };
  const details = payload['details'] ?? {};
  if (!isObject(details)) return { rejected: 'details is not an object' };
  const action = text(payload['action'], 200) ?? text(message.subject.slice(SUBJECT_PREFIX.length), 200);
  if (!action) return { rejected: 'action is missing' };
  return {
    record: {
      id: eventIdOf(payload, message),
      tenantId: tenantId === null ? null : tenantId.toLowerCase(),
      action,
      resourceType,
      resourceId: text(payload['resourceId'], 200),
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      ip: text(payload['ip'], 100),
      userAgent: text(payload['userAgent'], 1000),
      requestId: text(payload['requestId'], 200),
      details: withoutSecrets(details, 0) as Json,
      occurredAt: dateOf(payload['occurredAt']) ?? message.publishedAt,
    },
  };
}

/**
 * The idempotency key: the event's id; else the publisher's message id; else the stream position.
 * Non-uuid keys are hashed into a uuid so that every redelivery maps to the same row.
 */
export function eventIdOf(payload: Json, message: AuditMessage): string {
  if (isUuid(payload['id'])) return payload['id'].toLowerCase();
  if (isUuid(message.messageId)) return message.messageId.toLowerCase();
  return uuidFromName(message.messageId || `${message.stream}:${message.streamSequence}`);
}

/** Keys named like credentials lose their value, at any depth; a publisher's slip never reaches the table. */
export function withoutSecrets(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return stripNul(value);
  if (Array.isArray(value)) return depth >= MAX_DETAILS_DEPTH ? '[truncated]' : value.map((item) => withoutSecrets(item, depth + 1));
  if (!isObject(value)) return value;
  if (depth >= MAX_DETAILS_DEPTH) return '[truncated]';
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [stripNul(key), isSecretKey(key) ? '[redacted]' : withoutSecrets(item, depth + 1)]),
  );
}

function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.toLowerCase().replace(/[-_]/g, ''));
}

function decodeObject(data: Uint8Array): Json | string {
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(data));
  } catch {
    return 'not JSON';
  }
  return isObject(payload) ? payload : 'not a JSON object';
}

function actorOf(value: unknown): { type: AuditActorType; id: string | null; name: string | null } | null {
  if (value === undefined || value === null) return { type: 'anonymous', id: null, name: null };
  if (!isObject(value) || !ACTOR_TYPES.includes(value['type'] as AuditActorType)) return null;
  const name = text(value['name'], 320) ?? text(value['displayName'], 320) ?? text(value['email'], 320);
  return { type: value['type'] as AuditActorType, id: text(value['id'], 200), name };
}

function dateOf(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function text(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = stripNul(value).trim();
  return cleaned ? cleaned.slice(0, max) : null;
}

/** Postgres refuses NUL in text and jsonb; one stray byte must not make the whole event poison. */
function stripNul(value: string): string {
  return value.includes('\u0000') ? value.split('\u0000').join('') : value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function uuidFromName(name: string): string {
  const hex = createHash('sha256').update(`audit-event:${name}`).digest('hex');
  // Version 8 (custom) and the RFC 4122 variant, so the result is a well-formed uuid.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
