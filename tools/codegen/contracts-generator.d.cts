// Types of contracts-generator.cjs, for generated.spec.ts (which runs the generator in memory).

export declare const CATALOGUE_PATH: string;
export declare const HEADER: string;
export declare const OUTPUT_DIR: string;

interface CatalogueLike {
  sharedSchemas: Record<string, unknown>;
  endpoints: readonly { method: string; path: string; service: string; module: string }[];
}

/** Base name of every endpoint (`POST /api/v1/public/auth/register` → `PostAuthRegister`), by `'METHOD /path'`. */
export declare function endpointNames(endpoints: CatalogueLike['endpoints']): Map<string, string>;

/** Every generated file's content, by path relative to the workspace root. */
export declare function generateContracts(catalogue: CatalogueLike): Record<string, string>;
