/** Injection tokens of the service kernel. */
export const SERVICE_ENV = Symbol('SERVICE_ENV');
export const REDIS = Symbol('REDIS');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
/** The service's Postgres schema (its event outbox lives there). */
export const SERVICE_SCHEMA = Symbol('SERVICE_SCHEMA');
