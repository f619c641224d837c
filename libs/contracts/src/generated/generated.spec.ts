import * as fs from 'node:fs';
import * as path from 'node:path';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { getMetadataStorage, IsArray, IsDefined, IsString } from 'class-validator';

import { generateContracts, HEADER, OUTPUT_DIR } from '../../../../tools/codegen/contracts-generator.cjs';
import { catalogue, findCatalogueEntry, type JsonSchema } from '../catalogue/catalogue';
import type { DtoClass } from '../endpoint';
import { DomainError } from '../errors';
import { parseRequestPart, type FieldProblem } from '../validation';
import * as generated from './index';
import {
  PatchContactsBody,
  PatchResourcesBody,
  PostContactsBody,
  PostInvitationsBody,
  PostQrCodesBody,
  PostResourcesBody,
  PostTaxonomyCategoriesBody,
} from './index';
import { PatchSystemLogsConfigBody, PatchSystemLogsConfigBodyLogLevelsValue } from './audit/system-logs.dto';
import { PostAuthRegisterBody } from './identity/auth.dto';
import { requestBodiesWithoutDto, requestBodyDtos } from './request-bodies';
import { IsNullable, ValidateRecord } from './schema-validators';

const root = path.resolve(__dirname, '../../../..');

/** The problems parseRequest reports for `body`, or null when it accepts it. */
function problemsOf(dto: DtoClass, body: unknown): FieldProblem[] | null {
  try {
    parseRequestPart(dto, body, 'body');
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.details?.['fields'] as FieldProblem[];
    throw error;
  }
}

const fieldsOf = (problems: FieldProblem[] | null) => (problems ?? []).map((p) => p.field).sort();

describe('generated contracts', () => {
  it('are what the generator makes of the catalogue (otherwise run npm run codegen)', () => {
    const expected = generateContracts(catalogue);
    const differing = Object.entries(expected)
      .filter(([file, content]) => {
        const full = path.join(root, file);
        return !fs.existsSync(full) || fs.readFileSync(full, 'utf8') !== content;
      })
      .map(([file]) => file);
    const stale = listFiles(path.join(root, OUTPUT_DIR))
      .filter((full) => fs.readFileSync(full, 'utf8').startsWith(HEADER))
      .map((full) => path.relative(root, full).split(path.sep).join('/'))
      .filter((file) => !(file in expected));
    expect({ differing, stale, hint: differing.length || stale.length ? 'run npm run codegen' : undefined }).toEqual({
      differing: [],
      stale: [],
      hint: undefined,
    });
  });

  it('are generated the same way twice', () => {
    expect(generateContracts(catalogue)).toEqual(generateContracts(structuredClone(catalogue)));
  });

  it('name every class uniquely (the OpenAPI document keys DTO schemas by class name)', () => {
    const classes = Object.values(generated).filter((value) => typeof value === 'function') as DtoClass[];
    const names = classes.map((c) => c.name);
    expect(names.length).toBeGreaterThan(180);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('cover every catalogue request body, with a DTO or a reason', () => {
    const withBody = catalogue.endpoints.filter((e) => e.requestBody).map((e) => `${e.method} ${e.path}`);
    expect([...Object.keys(requestBodyDtos), ...Object.keys(requestBodiesWithoutDto)].sort()).toEqual(withBody.sort());
  });
});

/** Property names a DTO validates and the required ones: the check all-endpoints.spec.ts applies to declarations. */
function dtoFields(dto: DtoClass): { all: string[]; required: string[] } {
  const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const all = [...new Set(metas.map((m) => m.propertyName))].sort();
  const optional = new Set(metas.filter((m) => m.type === 'conditionalValidation').map((m) => m.propertyName));
  return { all, required: all.filter((f) => !optional.has(f)) };
}

const bodyCases = Object.entries(requestBodyDtos).map(([key, dto]) => {
  const [method, route] = key.split(' ');
  const schema = findCatalogueEntry(method, route)?.requestBody as JsonSchema;
  return [key, dto as DtoClass, schema] as const;
});

describe.each(bodyCases)('%s', (_key, dto, schema) => {
  it('has exactly the fields and required list of the catalogue (as all-endpoints.spec.ts checks)', () => {
    const properties = schema['properties'] as Record<string, unknown>;
    const required = (schema['required'] as string[] | undefined) ?? [];
    expect(dtoFields(dto)).toEqual({ all: Object.keys(properties).sort(), required: [...required].sort() });
  });

  it('accepts and refuses what the catalogue schema accepts and refuses (Ajv as the reference)', () => {
    const validate = ajv.compile(schema);
    const minimal = sample(schema, false);
    const full = sample(schema, true);
    expect({ minimal: validate(minimal), full: validate(full) }).toEqual({ minimal: true, full: true });
    const disagreements: string[] = [];
    for (const body of [minimal, full, ...mutations(full)]) {
      const dtoAccepts = problemsOf(dto, body) === null;
      if (dtoAccepts !== validate(body)) {
        disagreements.push(`${dtoAccepts ? 'DTO accepts' : 'DTO refuses'} ${JSON.stringify(body).slice(0, 300)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('refuses an unknown field', () => {
    expect(fieldsOf(problemsOf(dto, { ...(sample(schema, true) as object), notInTheCatalogue: 1 }))).toEqual([
      'notInTheCatalogue',
    ]);
  });
});

describe('generated DTOs, by example', () => {
  const register = { email: 'owner@example.com', password: 'secret-123', tenantName: 'Acme', tenantDomain: 'acme' };

  it('require what the schema requires (POST /api/v1/public/auth/register without email)', () => {
    const withoutEmail: Partial<typeof register> = { ...register };
    delete withoutEmail.email;
    expect(problemsOf(PostAuthRegisterBody, register)).toBeNull();
    expect(problemsOf(PostAuthRegisterBody, withoutEmail)).toEqual([
      { field: 'email', location: 'body', messages: ['email must be an email'] },
    ]);
  });

  it('check formats, lengths, patterns and enums', () => {
    const bad = { ...register, email: 'nope', password: 'short', tenantDomain: 'Not OK', locale: 'xx' };
    expect(fieldsOf(problemsOf(PostAuthRegisterBody, bad))).toEqual(['email', 'locale', 'password', 'tenantDomain']);
  });

  it('refuse unknown fields (forbidNonWhitelisted)', () => {
    expect(problemsOf(PostAuthRegisterBody, { ...register, role: 'admin' })).toEqual([
      { field: 'role', location: 'body', messages: ['role is not accepted here'] },
    ]);
  });

  it('accept null where the schema allows it, and only there', () => {
    expect(problemsOf(PatchContactsBody, { email: null, address: null, notes: null })).toBeNull();
    expect(fieldsOf(problemsOf(PostContactsBody, { email: null }))).toEqual(['email']);
    expect(problemsOf(PatchResourcesBody, { currentLocation: null, categoryIds: null })).toBeNull();
  });

  it('validate nested objects, closed unless the schema opens them', () => {
    const location = { name: 'Room', currentLocation: { latitude: 91, longitude: 0, altitude: 3 } };
    expect(problemsOf(PostResourcesBody, location)?.map((p) => [p.field, p.messages])).toEqual([
      ['currentLocation.altitude', ['altitude is not accepted here']],
      ['currentLocation.latitude', ['latitude must not be greater than 90']],
    ]);
    // contacts' address has additionalProperties: true: declared fields are checked, others kept.
    expect(problemsOf(PostContactsBody, { address: { city: 'Bern', floor: 3 } })).toBeNull();
    expect(problemsOf(PostContactsBody, { address: { city: 7 } })).toEqual([
      { field: 'address', location: 'body', messages: ['address.city must be a string'] },
    ]);
  });

  it('validate every value of a map', () => {
    expect(problemsOf(PatchSystemLogsConfigBody, { logLevels: { gateway: 'debug', audit: 'loud' } })).toEqual([
      {
        field: 'logLevels',
        location: 'body',
        messages: ['logLevels.audit must be one of the following values: trace, debug, info, warn, error, fatal'],
      },
    ]);
    const category = { key: 'rooms', name: 'Rooms' };
    expect(problemsOf(PostTaxonomyCategoriesBody, { ...category, translations_i18n: { de: { name: 'Räume' } } })).toBeNull();
    const [problem] = problemsOf(PostTaxonomyCategoriesBody, { ...category, translations_i18n: { de: { title: 'x' } } }) ?? [];
    expect(problem.field).toBe('translations_i18n');
    expect(problem.messages[0].split('; ')).toEqual(
      expect.arrayContaining(['translations_i18n.de.title is not accepted here', 'translations_i18n.de.name must be a string']),
    );
  });

  it('take any of the options of an anyOf, each checked in full', () => {
    const qr = { name: 'Door', type: 'URL' };
    const item = { type: 'URL', property: 'url', value: 'https://example.com' };
    expect(problemsOf(PostQrCodesBody, { ...qr, payloadTemplate: { any: 'thing' } })).toBeNull();
    expect(problemsOf(PostQrCodesBody, { ...qr, payloadTemplate: [item, { ...item, value: 3 }] })).toBeNull();
    expect(problemsOf(PostQrCodesBody, { ...qr, payloadTemplate: [{ ...item, value: [] }] })).toEqual([
      {
        field: 'payloadTemplate',
        location: 'body',
        messages: [expect.stringMatching(/^payloadTemplate matches none of its 2 allowed shapes; closest: payloadTemplate\.0\.value/)],
      },
    ]);
  });

  it('require one of the alternatives of an anyOf of required lists', () => {
    expect(fieldsOf(problemsOf(PostInvitationsBody, {}))).toEqual(['recipient_email', 'recipient_phone']);
    expect(problemsOf(PostInvitationsBody, { recipient_phone: '+41791234567' })).toBeNull();
    expect(fieldsOf(problemsOf(PostInvitationsBody, { recipient_phone: '+41791234567', recipient_email: 'x' }))).toEqual([
      'recipient_email',
    ]);
  });
});

// The catalogue's request bodies have no required nullable field; the decorator for one is tested here.
class RequiredNullable {
  @IsNullable()
  @IsDefined()
  @IsString()
  note: string | null;
}

class ListOfMaps {
  @IsArray()
  @ValidateRecord(() => PatchSystemLogsConfigBodyLogLevelsValue, { each: true })
  maps: Record<string, string>[];
}

describe('schema validators', () => {
  it('IsNullable + IsDefined: null passes, absence and other types do not', () => {
    expect(problemsOf(RequiredNullable, { note: null })).toBeNull();
    expect(problemsOf(RequiredNullable, { note: 'x' })).toBeNull();
    expect(fieldsOf(problemsOf(RequiredNullable, {}))).toEqual(['note']);
    expect(fieldsOf(problemsOf(RequiredNullable, { note: 1 }))).toEqual(['note']);
  });

  it('report the failing item of an each: true validator', () => {
    expect(problemsOf(ListOfMaps, { maps: [{ a: 'info' }, { b: 'loud' }] })).toEqual([
      {
        field: 'maps',
        location: 'body',
        messages: ['maps.1.b must be one of the following values: trace, debug, info, warn, error, fatal'],
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Samples: a valid body built from a schema, and variations of it, judged by Ajv and by the DTO.

const ajv = new Ajv({ strict: false, allowUnionTypes: true });
addFormats(ajv);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;

const FORMAT_SAMPLES: Record<string, string> = {
  date: '2024-05-06',
  'date-time': '2024-05-06T07:08:09Z',
  email: 'user@example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com/a',
  uuid: '3f2a6c1e-8d4b-4c3a-9f1e-2b7d5a6c8e90',
};
const STRING_SAMPLES = ['ab', 'en', 'AB', 'ab-c', '#0a0B0c', 'en-US', 'example.com'];
// Values put in place of every field of a valid body, one at a time.
const REPLACEMENTS: unknown[] = [
  null,
  12345,
  1.5,
  -1,
  true,
  '',
  'not-valid-x',
  '2024-01-01',
  '2024-01-01T10:00:00',
  '00000000-0000-0000-0000-000000000001',
  'x'.repeat(5001),
  {},
  [],
  ['x'],
];

/** The schema's non-null alternatives. */
function variants(schema: Schema): Schema[] {
  if (Array.isArray(schema['type'])) {
    return schema['type'].filter((t: string) => t !== 'null').map((type: string) => ({ ...schema, type }));
  }
  const list = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(list) && !list.every((b: Schema) => Object.keys(b).join() === 'required')) {
    return list.filter((b: Schema) => b['type'] !== 'null').flatMap(variants);
  }
  return [schema];
}

function sample(schema: Schema, full: boolean): unknown {
  const [s] = variants(schema);
  if (Array.isArray(s['enum'])) return s['enum'].find((v: unknown) => v !== null);
  switch (s['type'] ?? (s['properties'] ? 'object' : undefined)) {
    case 'string':
      return sampleString(s);
    case 'integer':
    case 'number':
      return s['minimum'] ?? (s['maximum'] !== undefined ? Math.min(s['maximum'], 1) : 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(s['minItems'] ?? 0, full ? 1 : 0) }, () => sample(s['items'] ?? {}, full));
    case 'object':
      return sampleObject(s, full);
    default:
      return 'anything';
  }
}

function sampleString(s: Schema): string {
  if (s['format'] && FORMAT_SAMPLES[s['format']]) return FORMAT_SAMPLES[s['format']];
  const min = s['minLength'] ?? 0;
  const max = s['maxLength'] ?? Infinity;
  const fits = (text: string) => text.length >= min && text.length <= max && (!s['pattern'] || new RegExp(s['pattern']).test(text));
  const found = [...STRING_SAMPLES, 'x'.repeat(Math.max(min, 1))].find(fits);
  if (found === undefined) throw new Error(`no sample string for ${JSON.stringify(s)}`);
  return found;
}

function sampleObject(s: Schema, full: boolean): Record<string, unknown> {
  const properties = Object.entries((s['properties'] ?? {}) as Record<string, Schema>);
  const required = new Set<string>(s['required'] ?? []);
  const alternatives = s['anyOf'];
  if (Array.isArray(alternatives) && alternatives.every((b: Schema) => Object.keys(b).join() === 'required')) {
    alternatives[0]['required'].forEach((name: string) => required.add(name));
  }
  const picked = properties.filter(([name], index) => full || required.has(name) || index < (s['minProperties'] ?? 0));
  const out = Object.fromEntries(picked.map(([name, property]) => [name, sample(property, full)]));
  const extra = s['additionalProperties'];
  if (full && properties.length === 0 && typeof extra === 'object') out['some-key'] = sample(extra, full);
  return out;
}

/** The valid body with, in turn, each field (at any depth) removed or replaced. */
function* mutations(body: unknown): Generator<unknown> {
  for (const at of pathsOf(body)) {
    yield withAt(body, at, undefined);
    for (const value of REPLACEMENTS) yield withAt(body, at, value);
  }
}

function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? [[...prefix, 0], ...pathsOf(value[0], [...prefix, 0])] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

function withAt(body: unknown, at: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = at[at.length - 1];
  if (value === undefined && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    return item.isDirectory() ? listFiles(full) : item.name.endsWith('.ts') ? [full] : [];
  });
}
