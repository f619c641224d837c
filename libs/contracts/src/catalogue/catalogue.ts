import catalogueJson from './platform-api.json';
import type { HttpMethod } from '../endpoint';

export type JsonSchema = Record<string, unknown>;

/** One entry of the API catalogue (`platform-api.json`, a copy of the contract kept with the code). */
export interface CatalogueEntry {
  method: HttpMethod;
  path: string;
  summary: string;
  description: string;
  categories: string[];
  requestBody: JsonSchema | null;
  responses: Record<string, JsonSchema>;
  service: string;
  module: string;
  access: string;
}

interface Catalogue {
  sharedSchemas: Record<string, JsonSchema>;
  endpoints: CatalogueEntry[];
}

export const catalogue = catalogueJson as unknown as Catalogue;

const byRoute = new Map(catalogue.endpoints.map((e) => [routeKey(e.method, e.path), e]));

function routeKey(method: string, path: string): string {
  return `${method} ${path}`;
}

export function findCatalogueEntry(method: string, path: string): CatalogueEntry | undefined {
  return byRoute.get(routeKey(method, path));
}

/** `{"ref": "StandardErrorResponse"}` → the shared schema it names; other schemas unchanged. */
export function resolveSchemaRef(schema: JsonSchema): JsonSchema {
  const ref = schema['ref'];
  return typeof ref === 'string' ? catalogue.sharedSchemas[ref] : schema;
}
