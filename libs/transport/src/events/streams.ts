import { RetentionPolicy, StorageType, type NatsConnection, type StreamConfig } from 'nats';

/** JetStream streams of the platform: events wait there until their consumer (audit, messaging) takes them. */
export const STREAMS: Pick<StreamConfig, 'name' | 'subjects' | 'max_age'>[] = [
  // Every state change, for the audit service. 30 days is a buffer for an audit service that is down.
  // Not `audit.>`: that is the audit service's own request subjects, which the stream would answer.
  { name: 'AUDIT', subjects: ['events.audit.>'], max_age: 30 * 24 * 3600 * 1e9 },
  // Mail the messaging service sends on identity's behalf (password reset, email verification).
  { name: 'IDENTITY_MAIL', subjects: ['identity.password-reset.requested', 'identity.verification.requested'], max_age: 7 * 24 * 3600 * 1e9 },
];

/** Creates the streams that do not exist yet; safe to call from every replica at boot. */
export async function ensureStreams(connection: NatsConnection): Promise<void> {
  const manager = await connection.jetstreamManager();
  for (const stream of STREAMS) {
    try {
      await manager.streams.info(stream.name);
    } catch {
      await manager.streams.add({ ...stream, retention: RetentionPolicy.Limits, storage: StorageType.File });
    }
  }
}
