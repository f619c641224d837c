import type { ConnectionOptions } from 'nats';

/**
 * Reconnect forever (the nats.js default gives up after about 20 s) so a NATS restart never
 * needs an app restart; callers fail fast while disconnected instead of queueing.
 */
export function natsConnectionOptions(url: string, name: string): ConnectionOptions {
  return {
    servers: url.split(','),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
    pingInterval: 10_000,
    maxPingOut: 3,
    // An Error per request for async stack traces costs more than the request itself.
    noAsyncTraces: true,
  };
}

/** Internal subject each service answers with its dependency report. */
export function systemHealthSubject(service: string): string {
  return `${service}.system.health`;
}
