const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Any 8-4-4-4-12 hex id (no version check): what the platform's ids and Postgres' uuid type accept. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
