import type { NatsConnection } from 'nats';

import { DomainError, type RequestContext } from '@lib/contracts';

import type { EventOutbox } from './event-outbox';
import { EventPublisher } from './event-publisher';

const context: RequestContext = { requestId: 'r1', actor: null, tenantId: 't1', locale: null, ip: '192.0.2.1', userAgent: null };

function publisherWith(jetstreamPublish: jest.Mock, park: jest.Mock = jest.fn().mockResolvedValue(undefined)) {
  const connection = { jetstream: () => ({ publish: jetstreamPublish }) } as unknown as NatsConnection;
  const outbox = { park } as unknown as EventOutbox;
  return { publisher: new EventPublisher(connection, outbox), park };
}

const refused = () => jest.fn().mockRejectedValue(new Error('503'));

describe('EventPublisher', () => {
  it('publishes an audit event under its id, and parks nothing', async () => {
    const send = jest.fn().mockResolvedValue({ seq: 1 });
    const { publisher, park } = publisherWith(send);
    await publisher.audit(context, { action: 'tenancy.tenant.updated', resourceType: 'tenant', resourceId: 't1' });
    const [subject, , options] = send.mock.calls[0];
    expect(subject).toBe('events.audit.tenancy.tenant.updated');
    expect(options.msgID).toEqual(expect.any(String));
    expect(park).not.toHaveBeenCalled();
  });

  it('parks an audit event JetStream refused under the same id, and answers normally', async () => {
    const send = refused();
    const { publisher, park } = publisherWith(send);
    await publisher.audit(context, { action: 'tenancy.tenant.updated', resourceType: 'tenant', resourceId: 't1' });
    const [parked, reason] = park.mock.calls[0];
    expect(parked).toMatchObject({ id: send.mock.calls[0][2].msgID, subject: 'events.audit.tenancy.tenant.updated' });
    expect(parked.payload).toMatchObject({ action: 'tenancy.tenant.updated', resourceId: 't1', tenantId: 't1', ip: '192.0.2.1' });
    expect(reason).toBe('503');
  });

  it('answers 503 when the event can be neither published nor parked', async () => {
    const { publisher } = publisherWith(refused(), jest.fn().mockRejectedValue(new Error('postgres down')));
    const error = await publisher.audit(context, { action: 'a.b.c', resourceType: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(503);
  });

  it('never parks other events (they may carry a one-time token): 503 instead', async () => {
    const { publisher, park } = publisherWith(refused());
    const error = await publisher.publish('identity.password-reset.requested', { token: 'secret' }).catch((e: unknown) => e);
    expect((error as DomainError).status).toBe(503);
    expect(park).not.toHaveBeenCalled();
  });
});
