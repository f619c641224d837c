import { randomUUID } from 'node:crypto';

import { connect, ErrorCode as NatsErrorCode, Events, JSONCodec, type NatsConnection, type NatsError } from 'nats';

import { DomainError, ErrorCode, isRpcErrorPayload } from '@lib/contracts';

import { natsConnectionOptions } from './nats-options';

export type RpcOutcome = 'ok' | 'error' | 'timeout' | 'unavailable';
export type RpcObserver = (subject: string, seconds: number, outcome: RpcOutcome) => void;

interface NestReply<T> {
  err?: unknown;
  response?: T;
}

const codec = JSONCodec();

/**
 * Request/reply over NATS, speaking the packet format of Nest's NATS transport
 * (`{pattern, data, id}` → `{err, response}`). Talks to nats.js directly so that "no service
 * listening" answers 503 at once instead of waiting for the timeout.
 */
export class NatsRpcClient {
  private connection?: NatsConnection;
  private connected = false;

  constructor(private readonly observe: RpcObserver = () => undefined) {}

  async connect(url: string, name: string): Promise<void> {
    this.use(await connect(natsConnectionOptions(url, name)));
  }

  /** Sends over a connection the caller already has (and closes). */
  use(connection: NatsConnection): this {
    this.connection = connection;
    this.connected = !connection.isClosed();
    void this.trackStatus(connection);
    return this;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Round trip to the NATS server: the readiness check of the connection. */
  async ping(): Promise<void> {
    if (!this.connection || !this.connected) throw new Error('NATS disconnected');
    await this.connection.flush();
  }

  async request<T>(subject: string, data: unknown, timeoutMs: number): Promise<T> {
    const started = performance.now();
    let outcome: RpcOutcome = 'ok';
    try {
      return await this.send<T>(subject, data, timeoutMs);
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      this.observe(subject, (performance.now() - started) / 1000, outcome);
    }
  }

  async close(): Promise<void> {
    await this.connection?.drain();
  }

  private async send<T>(subject: string, data: unknown, timeoutMs: number): Promise<T> {
    if (!this.connection || !this.connected) throw unavailable('The message bus is unavailable. Try again shortly.');
    const packet = { pattern: subject, data, id: randomUUID() };
    let reply: NestReply<T>;
    try {
      const message = await this.connection.request(subject, codec.encode(packet), { timeout: timeoutMs });
      reply = codec.decode(message.data) as NestReply<T>;
    } catch (error) {
      throw transportError(error as NatsError, subject);
    }
    if (reply.err !== undefined && reply.err !== null) throw remoteError(reply.err, subject);
    return reply.response as T;
  }

  private async trackStatus(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === Events.Disconnect) this.connected = false;
      if (status.type === Events.Reconnect) this.connected = true;
    }
  }
}

function transportError(error: NatsError, subject: string): DomainError {
  if (error.code === NatsErrorCode.Timeout) {
    return new DomainError(ErrorCode.GatewayTimeout, 504, 'The service did not answer in time. Try again later.', {
      service: serviceOf(subject),
    });
  }
  if (error.code === NatsErrorCode.NoResponders) {
    return unavailable('The service is unavailable. Try again shortly.', subject);
  }
  return unavailable('The message bus is unavailable. Try again shortly.', subject);
}

function remoteError(err: unknown, subject: string): DomainError {
  if (isRpcErrorPayload(err)) return new DomainError(err.code as ErrorCode, err.status, err.message, err.details);
  // Nest answers a plain string when the service has no handler for the subject (e.g. mid-deploy).
  return unavailable('The service cannot answer this request right now. Try again shortly.', subject);
}

function unavailable(message: string, subject?: string): DomainError {
  return new DomainError(ErrorCode.ServiceUnavailable, 503, message, subject ? { service: serviceOf(subject) } : undefined);
}

function serviceOf(subject: string): string {
  return subject.split('.')[0];
}

function outcomeOf(error: unknown): RpcOutcome {
  if (!(error instanceof DomainError)) return 'error';
  if (error.status === 504) return 'timeout';
  if (error.status === 503) return 'unavailable';
  return 'error';
}
