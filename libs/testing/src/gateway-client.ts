/**
 * Specs read bodies freely (`res.body.data.id`); their shape is what `expectContract` checks.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyBody = any;

/** What the gateway answered: status, lower-cased headers, body parsed as JSON when it is JSON. */
export interface GatewayResponse<TBody = AnyBody> {
  method: string;
  /** Path and query as requested, e.g. `/api/v1/system/health?level=ready`. */
  path: string;
  status: number;
  headers: Record<string, string>;
  body: TBody;
  /** The raw body text ('' when empty). */
  text: string;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  query?: Record<string, QueryValue | QueryValue[]>;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings and Buffers as they are. */
  body?: unknown;
  /** Bearer token for this request (overrides the client's). */
  token?: string;
  timeoutMs?: number;
}

export interface GatewayClientOptions {
  /** Defaults to E2E_GATEWAY_URL, which the e2e global setup sets. */
  baseUrl?: string;
  token?: string;
  headers?: Record<string, string>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** A small fetch-based HTTP client for the gateway under test. */
export class GatewayClient {
  constructor(private readonly options: GatewayClientOptions = {}) {}

  get baseUrl(): string {
    const url = this.options.baseUrl ?? process.env['E2E_GATEWAY_URL'];
    if (!url) throw new Error('E2E_GATEWAY_URL is not set: run the specs through apps/e2e/jest.config.js (its global setup starts the stack).');
    return url.replace(/\/+$/, '');
  }

  /** The same client, sending `Authorization: Bearer <token>`. */
  withToken(token: string): GatewayClient {
    return new GatewayClient({ ...this.options, token });
  }

  /** The same client with extra default headers (e.g. `x-tenant-id`, `accept-language`). */
  withHeaders(headers: Record<string, string>): GatewayClient {
    return new GatewayClient({ ...this.options, headers: { ...this.options.headers, ...headers } });
  }

  get<T = AnyBody>(path: string, options?: RequestOptions): Promise<GatewayResponse<T>> {
    return this.request<T>('GET', path, options);
  }

  post<T = AnyBody>(path: string, body?: unknown, options?: RequestOptions): Promise<GatewayResponse<T>> {
    return this.request<T>('POST', path, { ...options, body });
  }

  put<T = AnyBody>(path: string, body?: unknown, options?: RequestOptions): Promise<GatewayResponse<T>> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  patch<T = AnyBody>(path: string, body?: unknown, options?: RequestOptions): Promise<GatewayResponse<T>> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  delete<T = AnyBody>(path: string, options?: RequestOptions): Promise<GatewayResponse<T>> {
    return this.request<T>('DELETE', path, options);
  }

  async request<T = AnyBody>(method: string, path: string, options: RequestOptions = {}): Promise<GatewayResponse<T>> {
    const target = withQuery(path, options.query);
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...options.headers };
    const token = options.token ?? this.options.token;
    if (token) headers['authorization'] = `Bearer ${token}`;
    const body = encodeBody(options.body, headers);
    const res = await fetch(`${this.baseUrl}${target}`, {
      method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    const text = await res.text();
    return {
      method,
      path: target,
      status: res.status,
      headers: Object.fromEntries([...res.headers.entries()].map(([k, v]) => [k.toLowerCase(), v])),
      body: parseBody(text, res.headers.get('content-type')) as T,
      text,
    };
  }
}

/** The default client (no token) for E2E_GATEWAY_URL. */
export const gateway = new GatewayClient();

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) params.append(key, String(item));
    }
  }
  const qs = params.toString();
  if (!qs) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${qs}`;
}

function encodeBody(body: unknown, headers: Record<string, string>): string | Uint8Array | undefined {
  if (body === undefined) return undefined;
  const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
  if (typeof body === 'string' || body instanceof Uint8Array) {
    if (!hasType) headers['content-type'] = typeof body === 'string' ? 'text/plain' : 'application/octet-stream';
    return body;
  }
  if (!hasType) headers['content-type'] = 'application/json';
  return JSON.stringify(body);
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') return undefined;
  if (contentType?.includes('json') || /^[[{]/.test(text.trimStart())) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
