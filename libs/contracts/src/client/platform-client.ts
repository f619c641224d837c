import type { EndpointDeclaration, HttpMethod } from '../endpoint';
import type { ResponseBodies, StandardErrorResponse } from '../generated/responses';

// A typed HTTP client for the platform, derived from the endpoint declarations: the path, method and DTO
// types come from the declaration, the success body type from the catalogue (generated ResponseBodies).
// Plain fetch, no Nest: usable from tests, tools and other Node services.

export interface PlatformClientOptions {
  /** Gateway origin, optionally with a path prefix: `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent as `X-API-Key`. */
  apiKey?: string;
  /** Sent with every request; per-call headers win. */
  headers?: Record<string, string>;
  /** Defaults to the global fetch (Node 20+). */
  fetch?: typeof fetch;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEndpoint = EndpointDeclaration<any, any, any, HttpMethod, string>;

/** `'/a/{id}/b/{name}'` → `'id' | 'name'` */
export type PathParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

export type PathParams<Path extends string> = { [Name in PathParamNames<Path>]: string | number };

export type QueryValue = string | number | boolean | Date | null | undefined | readonly (string | number | boolean)[];

/** `'METHOD /path'` of a declaration. */
export type RouteOf<E> = E extends EndpointDeclaration<unknown, unknown, unknown, infer M, infer Path> ? `${M} ${Path}` : never;

/** The success body of a declared endpoint, as the catalogue describes it (`unknown` if it does not). */
export type SuccessBodyOf<E> = RouteOf<E> extends keyof ResponseBodies ? ResponseBodies[RouteOf<E>] : unknown;

type ParamsPart<Path extends string> = [PathParamNames<Path>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<Path> };
type QueryPart<Q> = unknown extends Q ? { query?: undefined } : { query?: Q };
type BodyPart<B> = unknown extends B ? { body?: undefined } : { body: B };

/** What `call` takes besides the declaration: path params (from the path), query and body (from the DTOs). */
export type CallRequest<E> =
  E extends EndpointDeclaration<unknown, infer Q, infer B, HttpMethod, infer Path>
    ? ParamsPart<Path> & QueryPart<Q> & BodyPart<B> & { headers?: Record<string, string> }
    : never;

type CallArgs<E> = object extends CallRequest<E> ? [request?: CallRequest<E>] : [request: CallRequest<E>];

export type ClientResponse<E> =
  | { ok: true; status: number; headers: Record<string, string>; body: SuccessBodyOf<E> }
  | { ok: false; status: number; headers: Record<string, string>; body: StandardErrorResponse };

export interface PlatformClient {
  /**
   * Calls one declared endpoint. Resolves for every HTTP status (`ok` tells success from error) and rejects
   * only when the request cannot be made. JSON bodies are parsed; other bodies come back as text, and an
   * empty body as `undefined`.
   */
  call<E extends AnyEndpoint>(endpoint: E, ...args: CallArgs<E>): Promise<ClientResponse<E>>;
  /** A client with some options replaced (another token, no API key, extra headers). */
  with(options: Partial<PlatformClientOptions>): PlatformClient;
}

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  return {
    call: async <E extends AnyEndpoint>(endpoint: E, ...args: CallArgs<E>): Promise<ClientResponse<E>> => {
      const request = (args[0] ?? {}) as { params?: object; query?: object; body?: unknown; headers?: Record<string, string> };
      const url = buildUrl(options.baseUrl, endpoint.path, request.params, request.query);
      const headers = requestHeaders(options, request.headers, request.body !== undefined);
      const doFetch = options.fetch ?? fetch;
      const response = await doFetch(url, {
        method: endpoint.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      const body = await readBody(response);
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => (responseHeaders[name] = value));
      return { ok: response.ok, status: response.status, headers: responseHeaders, body } as ClientResponse<E>;
    },
    with: (changes) => createPlatformClient({ ...options, ...changes }),
  };
}

/** Substitutes and URL-encodes `{param}`s (`{*}` keeps its slashes) and appends the query string. */
export function buildUrl(baseUrl: string, path: string, params: object = {}, query?: object): string {
  const values = params as Record<string, unknown>;
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '') {
      throw new TypeError(`${path}: path parameter ${name} is missing`);
    }
    const text = String(value);
    return name === '*' ? text.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(text);
  });
  const search = query ? serializeQuery(query) : '';
  return `${baseUrl.replace(/\/+$/, '')}${filled}${search ? `?${search}` : ''}`;
}

/**
 * `{ limit: 10, ids: ['a', 'b'], q: 'x y' }` → `limit=10&ids=a,b&q=x%20y`. Arrays are comma-separated (OpenAPI
 * form style without explode), dates ISO 8601; undefined, null and empty arrays are left out.
 */
export function serializeQuery(query: object): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    const text = Array.isArray(value)
      ? value.map((item) => encodeURIComponent(queryText(item))).join(',')
      : encodeURIComponent(queryText(value));
    parts.push(`${encodeURIComponent(name)}=${text}`);
  }
  return parts.join('&');
}

function queryText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function requestHeaders(
  options: PlatformClientOptions,
  perCall: Record<string, string> | undefined,
  hasBody: boolean,
): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (hasBody) headers['content-type'] = 'application/json';
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  // Header names are case-insensitive: later sources replace earlier ones whatever their spelling.
  for (const [name, value] of Object.entries({ ...options.headers })) headers[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries({ ...perCall })) headers[name.toLowerCase()] = value;
  return headers;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  return /[/+]json\b/.test(type) ? JSON.parse(text) : text;
}
