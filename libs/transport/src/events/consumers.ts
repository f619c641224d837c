import type { Consumer, ConsumerConfig, NatsConnection, NatsError } from 'nats';

import { ensureStreams } from './streams';

/** JetStream's error code for "consumer not found". */
const CONSUMER_NOT_FOUND = 10014;

export type DurableConsumerConfig = Partial<ConsumerConfig> & Pick<ConsumerConfig, 'ack_policy' | 'deliver_policy'> & { durable_name: string };

/**
 * The durable pull consumer `config.durable_name` on `stream`, created with the platform's streams
 * when missing, its settings brought up to date when present; safe to call from every replica.
 */
export async function ensureDurableConsumer(connection: NatsConnection, stream: string, config: DurableConsumerConfig): Promise<Consumer> {
  await ensureStreams(connection);
  const manager = await connection.jetstreamManager();
  if (await consumerExists(connection, stream, config.durable_name)) {
    await manager.consumers.update(stream, config.durable_name, updatableSettings(config));
  } else {
    await manager.consumers.add(stream, config);
  }
  return connection.jetstream().consumers.get(stream, config.durable_name);
}

async function consumerExists(connection: NatsConnection, stream: string, name: string): Promise<boolean> {
  const manager = await connection.jetstreamManager();
  try {
    await manager.consumers.info(stream, name);
    return true;
  } catch (error) {
    if ((error as NatsError).api_error?.err_code === CONSUMER_NOT_FOUND) return false;
    throw error;
  }
}

/** Ack and deliver policies are fixed at creation; the server refuses them in an update. */
function updatableSettings(config: DurableConsumerConfig): Partial<ConsumerConfig> {
  const settings: Partial<ConsumerConfig> = { ...config };
  delete settings.durable_name;
  delete settings.ack_policy;
  delete settings.deliver_policy;
  return settings;
}
