export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call an endpoint, as the catalogue's `access` field says. */
export type Access = 'public' | 'authenticated' | 'system-admin';

export const SERVICE_NAMES = [
  'identity',
  'tenancy',
  'storage',
  'calendar',
  'messaging',
  'audit',
  'integrations',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Owner of an endpoint: one of the seven services, or the gateway itself. */
export type EndpointOwner = ServiceName | 'gateway';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DtoClass<T = any> = new (...args: any[]) => T;

export interface EndpointInput<P, Q, B> {
  /** `<owner>.<feature>.<action>`: the endpoint's id and the NATS subject the gateway forwards to. */
  id: string;
  method: HttpMethod;
  /** Exactly as in the catalogue, with `{param}` placeholders. */
  path: string;
  access: Access;
  /** Success status code. */
  status: number;
  params?: DtoClass<P>;
  query?: DtoClass<Q>;
  body?: DtoClass<B>;
}

export interface EndpointDeclaration<P = unknown, Q = unknown, B = unknown> extends EndpointInput<P, Q, B> {
  owner: EndpointOwner;
}

/** Declares one endpoint. Everything else (route, validation, OpenAPI, client, handler) derives from it. */
export function endpoint<P = unknown, Q = unknown, B = unknown>(
  input: EndpointInput<P, Q, B>,
): EndpointDeclaration<P, Q, B> {
  const owner = input.id.split('.')[0] as EndpointOwner;
  return Object.freeze({ ...input, owner });
}

/** `/api/v1/public/countries/{isoCode}` → `/api/v1/public/countries/:isoCode` */
export function toRoutePath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
