import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';

import type { DtoClass, EndpointDeclaration } from './endpoint';
import { DomainError, ErrorCode } from './errors';

export type RequestPart = 'params' | 'query' | 'body';

type RuleLookup = (target: object, schema: string, always: boolean, strictGroups: boolean, groups?: string[]) => unknown[];

/**
 * class-validator finds a class's rules by scanning every registered class on each call (to
 * collect inherited rules); with many DTOs that lookup cost more than the validation itself.
 * Rules are registered by decorators at import time, so the lookup is memoized, and forgotten
 * whenever a rule is added.
 */
function memoizeRuleLookup(): void {
  const storage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas: RuleLookup;
    addValidationMetadata: (metadata: unknown) => void;
  };
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let cache = new Map<object, Map<string, unknown[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups?.length) return lookup(target, schema, always, strictGroups, groups);
    const key = `${schema}|${always}|${strictGroups}`;
    const perTarget = cache.get(target) ?? cache.set(target, new Map()).get(target)!;
    return perTarget.get(key) ?? perTarget.set(key, lookup(target, schema, always, strictGroups)).get(key)!;
  };
  storage.addValidationMetadata = (metadata) => {
    cache = new Map();
    add(metadata);
  };
}
memoizeRuleLookup();

export interface FieldProblem {
  field: string;
  location: RequestPart;
  messages: string[];
}

/**
 * Validates one part of a request against its DTO and returns the typed, converted instance.
 * Unknown fields are refused, as the catalogue's `additionalProperties: false` says.
 */
export function parseRequestPart<T extends object>(dto: DtoClass<T>, plain: unknown, location: RequestPart): T {
  if (location === 'body' && (typeof plain !== 'object' || plain === null || Array.isArray(plain))) {
    throw validationFailed([{ field: '(body)', location, messages: ['body must be a JSON object'] }]);
  }
  const instance = plainToInstance(dto, plain ?? {}) as T;
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw validationFailed(errors.flatMap((e) => flatten(e, location)));
  return instance;
}

/** Validates params, query and body of a request for `endpoint`; parts it does not declare must be empty. */
export function parseRequest<P, Q, B>(
  endpoint: EndpointDeclaration<P, Q, B>,
  request: { params?: unknown; query?: unknown; body?: unknown },
): { params: P; query: Q; body: B } {
  const problems: FieldProblem[] = [];
  const part = <T>(dto: DtoClass<T> | undefined, plain: unknown, location: RequestPart): T => {
    try {
      return dto ? parseRequestPart(dto as DtoClass<T & object>, plain, location) : refuseUnexpected(plain, location);
    } catch (error) {
      if (error instanceof DomainError && Array.isArray(error.details?.['fields'])) {
        problems.push(...(error.details['fields'] as FieldProblem[]));
        return undefined as T;
      }
      throw error;
    }
  };
  const parsed = {
    params: part(endpoint.params, request.params, 'params'),
    query: part(endpoint.query, request.query, 'query'),
    body: part(endpoint.body, request.body, 'body'),
  };
  if (problems.length > 0) throw validationFailed(problems);
  return parsed;
}

function refuseUnexpected<T>(plain: unknown, location: RequestPart): T {
  if (plain === undefined || plain === null) return {} as T;
  if (typeof plain !== 'object') {
    throw validationFailed([{ field: `(${location})`, location, messages: [`this endpoint takes no ${location}`] }]);
  }
  const keys = Object.keys(plain);
  if (keys.length > 0) {
    throw validationFailed(keys.map((field) => ({ field, location, messages: [`${field} is not accepted here`] })));
  }
  return {} as T;
}

function flatten(error: ValidationError, location: RequestPart, prefix = ''): FieldProblem[] {
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  const own = error.constraints
    ? [{ field, location, messages: Object.values(error.constraints).map(friendlyMessage) }]
    : [];
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, location, field))];
}

function friendlyMessage(message: string): string {
  return message.replace(/^property (\S+) should not exist$/, '$1 is not accepted here');
}

export function validationFailed(fields: FieldProblem[]): DomainError {
  const names = [...new Set(fields.map((f) => f.field))].join(', ');
  return new DomainError(ErrorCode.ValidationFailed, 422, `Invalid request: check ${names}.`, { fields });
}
