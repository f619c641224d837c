import { parseAuditEvent, type AuditMessage } from './audit-event-record';

const EVENT_ID = '5f0e8c1a-1111-4a53-9a59-3f0d2f3c1a10';
const TENANT = '0b0f6c1e-2222-4a53-9a59-3f0d2f3c1a10';
const USER = '4b0c8b2e-3333-4a53-9a59-3f0d2f3c1a10';
const KEY = '7d6b1c1a-4444-4c2b-9a1d-2e3f4a5b6c7d';
const PUBLISHED_AT = new Date('2026-01-02T03:04:05.000Z');

/** An event as EventPublisher.audit writes it. */
function publishedEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: EVENT_ID,
    occurredAt: '2026-01-02T03:04:00.000Z',
    action: 'identity.api-key.created',
    actor: { type: 'user', id: USER },
    tenantId: TENANT,
    resourceType: 'api-key',
    resourceId: KEY,
    ip: '127.0.0.1',
    userAgent: 'jest',
    requestId: 'req-1',
    details: { name: 'CI', keyPreview: 'pk_1234abcd_...wxyz' },
    ...overrides,
  };
}

function message(payload: unknown, overrides: Partial<AuditMessage> = {}): AuditMessage {
  return {
    subject: 'events.audit.identity.api-key.created',
    data: new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload)),
    messageId: EVENT_ID,
    stream: 'AUDIT',
    streamSequence: 42,
    publishedAt: PUBLISHED_AT,
    ...overrides,
  };
}

function recordOf(payload: unknown, overrides: Partial<AuditMessage> = {}) {
  const parsed = parseAuditEvent(message(payload, overrides));
  if (!('record' in parsed)) throw new Error(`rejected: ${parsed.rejected}`);
  return parsed.record;
}

describe('parseAuditEvent', () => {
  it('maps every field of a published event to its row', () => {
    expect(recordOf(publishedEvent())).toEqual({
      id: EVENT_ID,
      tenantId: TENANT,
      action: 'identity.api-key.created',
      resourceType: 'api-key',
      resourceId: KEY,
      actorType: 'user',
      actorId: USER,
      actorName: null,
      ip: '127.0.0.1',
      userAgent: 'jest',
      requestId: 'req-1',
      details: { name: 'CI', keyPreview: 'pk_1234abcd_...wxyz' },
      occurredAt: new Date('2026-01-02T03:04:00.000Z'),
    });
  });

  it('keeps platform-level events (no tenant) and anonymous actors', () => {
    const record = recordOf(publishedEvent({ tenantId: null, actor: { type: 'anonymous', id: null }, resourceId: null }));
    expect(record).toMatchObject({ tenantId: null, actorType: 'anonymous', actorId: null, resourceId: null });
  });

  it('takes a name the actor carries (display name, else email)', () => {
    expect(recordOf(publishedEvent({ actor: { type: 'user', id: USER, email: 'a@example.com' } })).actorName).toBe('a@example.com');
    expect(recordOf(publishedEvent({ actor: { type: 'user', id: USER, displayName: 'Ada', email: 'a@example.com' } })).actorName).toBe('Ada');
  });

  describe('the idempotency key', () => {
    it('is the event id, whatever the delivery', () => {
      expect(recordOf(publishedEvent(), { streamSequence: 1 }).id).toBe(recordOf(publishedEvent(), { streamSequence: 2 }).id);
    });

    it('falls back to the Nats-Msg-Id header, then to a uuid derived from the stream position', () => {
      const withoutId = publishedEvent({ id: undefined });
      expect(recordOf(withoutId).id).toBe(EVENT_ID);
      const byPosition = recordOf(withoutId, { messageId: undefined });
      expect(byPosition.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(recordOf(withoutId, { messageId: undefined }).id).toBe(byPosition.id);
      expect(recordOf(withoutId, { messageId: undefined, streamSequence: 43 }).id).not.toBe(byPosition.id);
      expect(recordOf(withoutId, { messageId: 'not-a-uuid' }).id).not.toBe(byPosition.id);
    });
  });

  it('never stores a credential in details, at any depth', () => {
    const details = {
      password: 'p',
      new_password: 'p',
      refreshToken: 'rt_x',
      nested: { apiKey: 'pk_x', 'x-api-key': 'pk_y', list: [{ clientSecret: 's', fullKey: 'pk_z' }] },
      keyPreview: 'pk_1234abcd_...wxyz',
      tokenCount: 3,
    };
    expect(recordOf(publishedEvent({ details })).details).toEqual({
      password: '[redacted]',
      new_password: '[redacted]',
      refreshToken: '[redacted]',
      nested: { apiKey: '[redacted]', 'x-api-key': '[redacted]', list: [{ clientSecret: '[redacted]', fullKey: '[redacted]' }] },
      keyPreview: 'pk_1234abcd_...wxyz',
      tokenCount: 3,
    });
  });

  it('drops NUL characters, which Postgres refuses', () => {
    const record = recordOf(publishedEvent({ requestId: 'req\u0000-1', details: { note: 'a\u0000b' } }));
    expect(record.requestId).toBe('req-1');
    expect(record.details).toEqual({ note: 'ab' });
  });

  it('uses the time JetStream stored the message when occurredAt is missing or not a date', () => {
    expect(recordOf(publishedEvent({ occurredAt: 'yesterday' })).occurredAt).toEqual(PUBLISHED_AT);
  });

  it('takes the action from the subject when the payload has none', () => {
    expect(recordOf(publishedEvent({ action: undefined })).action).toBe('identity.api-key.created');
  });

  it.each([
    ['not JSON', '{"id": '],
    ['not a JSON object', '[1, 2]'],
    ['resourceType is missing', publishedEvent({ resourceType: undefined })],
    ['tenantId is not a uuid', publishedEvent({ tenantId: 'acme' })],
    ['actor.type is not user, api-key, anonymous or system', publishedEvent({ actor: { type: 'robot', id: 'r' } })],
    ['details is not an object', publishedEvent({ details: 'free text' })],
  ])('rejects a message that can never be stored: %s', (reason, payload) => {
    expect(parseAuditEvent(message(payload))).toEqual({ rejected: reason });
  });
});
