import { AckPolicy, DeliverPolicy, type NatsConnection } from 'nats';

import { ensureDurableConsumer, type DurableConsumerConfig } from './consumers';

const CONFIG: DurableConsumerConfig = {
  durable_name: 'audit-ingest',
  filter_subject: 'events.audit.>',
  ack_policy: AckPolicy.Explicit,
  deliver_policy: DeliverPolicy.All,
  max_deliver: 10,
};

const notFound = Object.assign(new Error('consumer not found'), { api_error: { code: 404, err_code: 10014 } });

function fakeConnection(consumerInfo: () => Promise<unknown>) {
  const manager = {
    streams: { info: jest.fn().mockResolvedValue({}), add: jest.fn() },
    consumers: { info: jest.fn(consumerInfo), add: jest.fn().mockResolvedValue({}), update: jest.fn().mockResolvedValue({}) },
  };
  const consumer = { name: 'audit-ingest' };
  const connection = {
    jetstreamManager: jest.fn().mockResolvedValue(manager),
    jetstream: () => ({ consumers: { get: jest.fn().mockResolvedValue(consumer) } }),
  };
  return { connection: connection as unknown as NatsConnection, manager, consumer };
}

describe('ensureDurableConsumer', () => {
  it('creates a missing consumer with the whole configuration, after making sure the streams exist', async () => {
    const { connection, manager, consumer } = fakeConnection(() => Promise.reject(notFound));
    expect(await ensureDurableConsumer(connection, 'AUDIT', CONFIG)).toBe(consumer);
    expect(manager.streams.info).toHaveBeenCalledWith('AUDIT');
    expect(manager.consumers.add).toHaveBeenCalledWith('AUDIT', CONFIG);
    expect(manager.consumers.update).not.toHaveBeenCalled();
  });

  it('updates an existing consumer with the settings a server accepts in an update', async () => {
    const { connection, manager } = fakeConnection(() => Promise.resolve({ config: {} }));
    await ensureDurableConsumer(connection, 'AUDIT', CONFIG);
    expect(manager.consumers.update).toHaveBeenCalledWith('AUDIT', 'audit-ingest', { filter_subject: 'events.audit.>', max_deliver: 10 });
    expect(manager.consumers.add).not.toHaveBeenCalled();
  });

  it('fails, creating nothing, when JetStream cannot say whether the consumer exists', async () => {
    const { connection, manager } = fakeConnection(() => Promise.reject(new Error('TIMEOUT')));
    await expect(ensureDurableConsumer(connection, 'AUDIT', CONFIG)).rejects.toThrow('TIMEOUT');
    expect(manager.consumers.add).not.toHaveBeenCalled();
  });
});
