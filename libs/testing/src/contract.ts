import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import { catalogue, findCatalogueEntry, type CatalogueEntry, type JsonSchema } from '@lib/contracts';

import type { GatewayResponse } from './gateway-client';

/** Fails a test with a readable message (a plain Error, so it works in and outside Jest). */
export class ContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractError';
  }
}

// The catalogue is OpenAPI-flavoured JSON Schema: `nullable` (Ajv supports it), `example`/`note`
// annotations, formats uri/uuid/date-time/email/ip and `binary`. Strict mode is off so unknown
// annotation keywords are ignored rather than rejected.
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
addFormats(ajv);
ajv.addFormat('binary', true);

const validators = new Map<string, ValidateFunction>();

/**
 * Asserts that `res` is what the catalogue promises for `method catalogPath`: its status is one the
 * catalogue lists for the endpoint and its body matches that status's schema.
 * `catalogPath` is the catalogue's template, e.g. `/api/v1/public/countries/{isoCode}`.
 */
export function expectContract<T>(res: GatewayResponse<T>, method: string, catalogPath: string): T {
  const entry = catalogueEntry(method, catalogPath);
  const schema = entry.responses[String(res.status)];
  if (!schema) {
    const listed = Object.keys(entry.responses).join(', ');
    fail(res, `${entry.method} ${entry.path} answered ${res.status}, which the catalogue does not list (it lists ${listed})`);
  }
  if (res.status === 204) {
    if (res.text !== '') fail(res, `${entry.method} ${entry.path} answered 204 with a body`);
    return res.body;
  }
  const validate = validatorFor(`${entry.method} ${entry.path} ${res.status}`, resolveRefs(schema) as JsonSchema);
  if (!validate(res.body)) {
    fail(res, `${entry.method} ${entry.path} → ${res.status}: the body does not match the catalogue schema:\n${formatErrors(validate.errors)}`);
  }
  return res.body;
}

/** The standard error body (`StandardErrorResponse`), as the gateway renders every error. */
export interface ErrorEnvelope {
  error: string;
  message: string;
  statusCode: number;
  requestId?: string | null;
  details?: Record<string, unknown> | null;
  timestamp: string;
}

/**
 * Asserts an error answer: the expected status, a body that is exactly the shared
 * `StandardErrorResponse`, `statusCode` equal to the status and, if given, `error` equal to `code`.
 */
export function expectErrorEnvelope(res: GatewayResponse, status: number, code?: string): ErrorEnvelope {
  if (res.status !== status) fail(res, `expected status ${status}${code ? ` (${code})` : ''}, got ${res.status}`);
  const validate = validatorFor('StandardErrorResponse', catalogue.sharedSchemas['StandardErrorResponse']);
  if (!validate(res.body)) fail(res, `the body is not a StandardErrorResponse:\n${formatErrors(validate.errors)}`);
  const body = res.body as ErrorEnvelope;
  if (body.statusCode !== status) fail(res, `statusCode is ${body.statusCode}, expected ${status}`);
  if (code !== undefined && body.error !== code) fail(res, `error is "${body.error}", expected "${code}"`);
  return body;
}

/** The catalogue entry, accepting the path with or without a trailing slash. */
export function catalogueEntry(method: string, catalogPath: string): CatalogueEntry {
  const upper = method.toUpperCase();
  const path = catalogPath.split('?')[0];
  const alternative = path.endsWith('/') ? path.replace(/\/+$/, '') : `${path}/`;
  const entry = findCatalogueEntry(upper, path) ?? findCatalogueEntry(upper, alternative);
  if (!entry) throw new ContractError(`No catalogue entry for ${upper} ${catalogPath} (use the catalogue's path template, e.g. /api/v1/users/{id}).`);
  return entry;
}

function validatorFor(key: string, schema: JsonSchema | undefined): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    if (!schema) throw new ContractError(`No schema for ${key}`);
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

/** `{ "ref": "StandardErrorResponse" }` anywhere in a schema → the shared schema it names. */
function resolveRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveRefs);
  if (!value || typeof value !== 'object') return value;
  const schema = value as Record<string, unknown>;
  const keys = Object.keys(schema);
  const ref = schema['ref'];
  if (keys.length === 1 && typeof ref === 'string') {
    const shared = catalogue.sharedSchemas[ref];
    if (!shared) throw new ContractError(`The catalogue names an unknown shared schema "${ref}"`);
    return shared;
  }
  return Object.fromEntries(keys.map((key) => [key, resolveRefs(schema[key])]));
}

function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => {
      const at = e.instancePath || '(body)';
      const params = e.params as Record<string, unknown>;
      if (e.keyword === 'additionalProperties') return `  ${at}: unexpected property "${String(params['additionalProperty'])}"`;
      if (e.keyword === 'enum') return `  ${at}: must be one of ${JSON.stringify(params['allowedValues'])}`;
      if (e.keyword === 'required') return `  ${at}: missing required property "${String(params['missingProperty'])}"`;
      return `  ${at}: ${e.message ?? e.keyword}`;
    })
    .join('\n');
}

function fail(res: GatewayResponse, problem: string): never {
  const body = res.text.length > 1500 ? `${res.text.slice(0, 1500)}…` : res.text;
  throw new ContractError(`${res.method} ${res.path}: ${problem}\nresponse body: ${body || '(empty)'}`);
}
