import { getMetadataStorage } from 'class-validator';

import { allEndpoints } from './all-endpoints';
import { findCatalogueEntry } from './catalogue/catalogue';
import type { DtoClass, EndpointDeclaration } from './endpoint';

/** Property names a DTO validates, and which of them are optional. */
function dtoFields(dto: DtoClass): { all: string[]; required: string[] } {
  const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const all = [...new Set(metas.map((m) => m.propertyName))].sort();
  const optional = new Set(metas.filter((m) => m.type === 'conditionalValidation').map((m) => m.propertyName));
  return { all, required: all.filter((f) => !optional.has(f)) };
}

const cases = allEndpoints.map((e) => [`${e.method} ${e.path}`, e] as [string, EndpointDeclaration]);

describe('endpoint declarations', () => {
  it('have unique ids and routes', () => {
    expect(new Set(allEndpoints.map((e) => e.id)).size).toBe(allEndpoints.length);
    expect(new Set(allEndpoints.map((e) => `${e.method} ${e.path}`)).size).toBe(allEndpoints.length);
  });

  it('name their DTO classes uniquely (the OpenAPI document keys schemas by class name)', () => {
    const dtos = new Set(allEndpoints.flatMap((e) => [e.params, e.query, e.body]).filter(Boolean) as DtoClass[]);
    const names = [...dtos].map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
  });

  describe.each(cases)('%s', (_, endpoint) => {
    const entry = findCatalogueEntry(endpoint.method, endpoint.path);

    it('is in the catalogue with the same owner and access', () => {
      expect(entry).toBeDefined();
      expect(endpoint.owner).toBe(entry?.service);
      expect(endpoint.access).toBe(entry?.access);
      expect(endpoint.id).toMatch(new RegExp(`^${entry?.service}\\.[a-z-]+\\.[a-z-]+$`));
    });

    it('answers a success status the catalogue lists (200 where it lists none)', () => {
      const statuses = Object.keys(entry?.responses ?? {});
      const successes = statuses.filter((status) => status.startsWith('2'));
      expect(successes.length ? successes : ['200']).toContain(String(endpoint.status));
    });

    it('answers a file only where the catalogue gives no JSON success schema', () => {
      if (endpoint.download) expect(entry?.responses[String(endpoint.status)]).toBeUndefined();
    });

    it('declares exactly the path parameters of its path', () => {
      const inPath = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(endpoint.params ? dtoFields(endpoint.params).all : []).toEqual(inPath);
    });

    it('takes the body the catalogue describes (same fields, same required list)', () => {
      const schema = entry?.requestBody as { properties?: object; required?: string[]; additionalProperties?: unknown } | null;
      const fields = Object.keys(schema?.properties ?? {}).sort();
      // A closed body schema without properties (`{type: object, additionalProperties: false}`, e.g. rotate) takes
      // no field at all: such endpoints declare no body, and parseRequest refuses any field sent anyway.
      const takesNothing = !schema || (fields.length === 0 && schema.additionalProperties === false);
      const expected = takesNothing ? null : { all: fields, required: [...(schema.required ?? [])].sort() };
      expect(endpoint.body ? dtoFields(endpoint.body) : null).toEqual(expected);
    });
  });
});
