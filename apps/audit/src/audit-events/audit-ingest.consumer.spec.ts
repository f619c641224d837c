import type { JsMsg, NatsConnection } from 'nats';

import { ensureDurableConsumer } from '@lib/transport';

import { AUDIT_INGEST_CONSUMER, AUDIT_STREAM, AuditIngestConsumer } from './audit-ingest.consumer';
import type { AuditIngestService, PendingAuditEvent } from './audit-ingest.service';

jest.mock('@lib/transport', () => ({ ...jest.requireActual('@lib/transport'), ensureDurableConsumer: jest.fn() }));

const ensureConsumer = ensureDurableConsumer as jest.MockedFunction<typeof ensureDurableConsumer>;

interface FakeMessage extends JsMsg {
  nak: jest.Mock;
  working: jest.Mock;
}

const fakeMessage = (): FakeMessage => ({ nak: jest.fn(), working: jest.fn() }) as unknown as FakeMessage;

/** A pull consumer that hands out the queued batches, then empty pulls (as when the stream is idle). */
function fakeConsumer(batches: FakeMessage[][], failFetches = 0) {
  let failures = failFetches;
  return {
    fetch: jest.fn(async () => {
      if (failures-- > 0) throw new Error('NATS connection lost');
      const batch = batches.shift() ?? [];
      return {
        stop: jest.fn(),
        async *[Symbol.asyncIterator]() {
          if (batch.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
          yield* batch;
        },
      };
    }),
  };
}

function setup(store: (pending: PendingAuditEvent[]) => Promise<void>) {
  const ingest = {
    prepare: jest.fn((batch: JsMsg[]) => batch.map((message) => ({ message, record: {} }) as PendingAuditEvent)),
    store: jest.fn(store),
  };
  const consumer = new AuditIngestConsumer({} as NatsConnection, ingest as unknown as AuditIngestService);
  return { consumer, ingest };
}

const until = async (condition: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('AuditIngestConsumer', () => {
  afterEach(() => ensureConsumer.mockReset());

  it('creates its durable consumer on AUDIT at boot and stores every fetched batch', async () => {
    const batch = [fakeMessage(), fakeMessage()];
    ensureConsumer.mockResolvedValue(fakeConsumer([batch]) as never);
    const { consumer, ingest } = setup(async () => undefined);
    consumer.onApplicationBootstrap();
    await until(() => ingest.store.mock.calls.length === 1);
    await consumer.onModuleDestroy();
    expect(ensureConsumer).toHaveBeenCalledWith(expect.anything(), AUDIT_STREAM, AUDIT_INGEST_CONSUMER);
    expect(ingest.prepare).toHaveBeenCalledWith(batch);
    expect(consumer.state).toBe('stopped');
  });

  it('keeps a batch while Postgres fails (no redelivery used up) and stores it once Postgres is back', async () => {
    const batch = [fakeMessage()];
    ensureConsumer.mockResolvedValue(fakeConsumer([batch]) as never);
    let outage = true;
    const { consumer, ingest } = setup(async () => {
      if (outage) throw new Error('connect ECONNREFUSED');
    });
    consumer.onApplicationBootstrap();
    await until(() => ingest.store.mock.calls.length === 1);
    expect(consumer.state).toBe('retrying');
    expect(batch[0].working).toHaveBeenCalled();
    outage = false;
    await until(() => ingest.store.mock.calls.length === 2);
    await consumer.onModuleDestroy();
    expect(ingest.prepare).toHaveBeenCalledTimes(1);
    expect(batch[0].nak).not.toHaveBeenCalled();
  });

  it('hands the batch back to the stream when stopped during an outage', async () => {
    const batch = [fakeMessage(), fakeMessage()];
    ensureConsumer.mockResolvedValue(fakeConsumer([batch]) as never);
    const { consumer, ingest } = setup(async () => {
      throw new Error('connect ECONNREFUSED');
    });
    consumer.onApplicationBootstrap();
    await until(() => ingest.store.mock.calls.length === 1);
    await consumer.onModuleDestroy();
    batch.forEach((m) => expect(m.nak).toHaveBeenCalledTimes(1));
  });

  it('survives a failing pull: finds its consumer again and goes on', async () => {
    const batch = [fakeMessage()];
    ensureConsumer.mockResolvedValue(fakeConsumer([batch], 1) as never);
    const { consumer, ingest } = setup(async () => undefined);
    consumer.onApplicationBootstrap();
    await until(() => ingest.store.mock.calls.length === 1);
    await consumer.onModuleDestroy();
    expect(ensureConsumer).toHaveBeenCalledTimes(2);
  });
});
