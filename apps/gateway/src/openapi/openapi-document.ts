import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

import {
  catalogue,
  findCatalogueEntry,
  resolveSchemaRef,
  type DtoClass,
  type EndpointDeclaration,
  type JsonSchema,
} from '@lib/contracts';

type SchemaMap = Record<string, JsonSchema>;

/**
 * The OpenAPI 3.1 document, derived from the endpoint declarations (routes, parameters, access)
 * and the catalogue (summaries, descriptions, request and response schemas).
 */
export function openApiDocument(endpoints: readonly EndpointDeclaration[], version: string): JsonSchema {
  const dtoSchemas = validationMetadatasToSchemas() as SchemaMap;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method.toLowerCase()]: operation(endpoint, dtoSchemas) };
  }
  return sortKeys({
    openapi: '3.1.0',
    info: {
      title: 'Platform API',
      version,
      description: 'Multi-tenant platform API. Every error answers the StandardErrorResponse envelope.',
    },
    paths,
    components: {
      schemas: { StandardErrorResponse: catalogue.sharedSchemas['StandardErrorResponse'] },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
    },
  }) as JsonSchema;
}

function operation(endpoint: EndpointDeclaration, dtoSchemas: SchemaMap): Record<string, unknown> {
  const entry = findCatalogueEntry(endpoint.method, endpoint.path);
  if (!entry) throw new Error(`${endpoint.id}: ${endpoint.method} ${endpoint.path} is not in the catalogue`);
  const parameters = [
    ...parametersOf(endpoint.params, 'path', dtoSchemas),
    ...parametersOf(endpoint.query, 'query', dtoSchemas),
  ];
  return {
    operationId: endpoint.id,
    summary: entry.summary,
    description: entry.description,
    tags: entry.categories,
    ...(parameters.length ? { parameters } : {}),
    ...(entry.requestBody
      ? { requestBody: { required: true, content: { 'application/json': { schema: entry.requestBody } } } }
      : {}),
    responses: { ...responsesOf(entry.responses), ...undescribedSuccess(endpoint, entry.responses) },
    ...(endpoint.access === 'public' ? { security: [] } : { security: [{ bearer: [] }, { apiKey: [] }] }),
    'x-access': endpoint.access,
    'x-service': endpoint.owner,
  };
}

function parametersOf(dto: DtoClass | undefined, location: 'path' | 'query', dtoSchemas: SchemaMap) {
  if (!dto) return [];
  const schema = dtoSchemas[dto.name] ?? { properties: {} };
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  return Object.entries((schema['properties'] as SchemaMap | undefined) ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
    ...(property['type'] === 'array' ? { style: 'form', explode: false } : {}),
  }));
}

function responsesOf(responses: Record<string, JsonSchema>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(responses).map(([status, schema]) => {
      const shared = typeof schema['ref'] === 'string';
      const content = shared ? { $ref: `#/components/schemas/${String(schema['ref'])}` } : resolveSchemaRef(schema);
      return [status, { description: describeStatus(status), content: { 'application/json': { schema: content } } }];
    }),
  );
}

/**
 * The success answer of an endpoint the catalogue gives no schema for: a file for download endpoints,
 * otherwise a JSON object (its shape is documented at the declaration).
 */
function undescribedSuccess(endpoint: EndpointDeclaration, responses: Record<string, JsonSchema>): Record<string, unknown> {
  const status = String(endpoint.status);
  if (responses[status]) return {};
  if (endpoint.download) {
    return {
      [status]: {
        description: `${describeStatus(status)}: a file download`,
        headers: {
          'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' } },
        },
        content: { [endpoint.download.contentType]: { schema: { type: 'string' } } },
      },
    };
  }
  return { [status]: { description: describeStatus(status), content: { 'application/json': { schema: { type: 'object' } } } } };
}

const STATUS_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No Content',
  '400': 'Malformed request',
  '401': 'Missing or invalid credentials',
  '403': 'Not allowed',
  '404': 'Not found',
  '409': 'Conflict',
  '422': 'Validation failed',
  '429': 'Too many requests',
  '500': 'Internal error',
  '503': 'Unavailable',
};

function describeStatus(status: string): string {
  return STATUS_TEXT[status] ?? `Status ${status}`;
}

/** Sorted keys keep the document's diffs readable. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value as object)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
