import Redis, { type RedisOptions } from 'ioredis';

/**
 * Reconnects forever; while disconnected commands fail at once instead of queueing
 * (ioredis queues offline by default), so callers can answer 503.
 */
export function createRedis(url: string, name: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    ...options,
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    lazyConnect: false,
  });
}
