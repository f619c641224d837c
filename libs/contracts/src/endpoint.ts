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

/**
 * `M` and `Path` keep the literal method and path of a declaration (`'POST'`, `'/api/v1/secure/api-keys'`), so
 * the typed client can look up its response type; everywhere else they default to `HttpMethod` and `string`.
 */
export interface EndpointInput<P, Q, B, M extends HttpMethod = HttpMethod, Path extends string = string> {
  /** `<owner>.<feature>.<action>`: the endpoint's id and the NATS subject the gateway forwards to. */
  id: string;
  method: M;
  /** Exactly as in the catalogue, with `{param}` placeholders. */
  path: Path;
  access: Access;
  /** Success status code. */
  status: number;
  params?: DtoClass<P>;
  query?: DtoClass<Q>;
  body?: DtoClass<B>;
  /** The endpoint answers a file, not JSON: its handler returns a `FileDownload`. */
  download?: DownloadSpec;
}

export interface DownloadSpec {
  /** Content-Type of the file, e.g. `text/plain; charset=utf-8`. */
  contentType: string;
}

/** What a download endpoint's handler answers; the gateway sends `content` as an attachment named `filename`. */
export interface FileDownload {
  filename: string;
  content: string;
}

export interface EndpointDeclaration<
  P = unknown,
  Q = unknown,
  B = unknown,
  M extends HttpMethod = HttpMethod,
  Path extends string = string,
> extends EndpointInput<P, Q, B, M, Path> {
  owner: EndpointOwner;
}

/** Declares one endpoint. Everything else (route, validation, OpenAPI, client, handler) derives from it. */
export function endpoint<
  P = unknown,
  Q = unknown,
  B = unknown,
  const M extends HttpMethod = HttpMethod,
  const Path extends string = string,
>(input: EndpointInput<P, Q, B, M, Path>): EndpointDeclaration<P, Q, B, M, Path> {
  const owner = input.id.split('.')[0] as EndpointOwner;
  return Object.freeze({ ...input, owner });
}

/** `/api/v1/public/countries/{isoCode}` → `/api/v1/public/countries/:isoCode` */
export function toRoutePath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
