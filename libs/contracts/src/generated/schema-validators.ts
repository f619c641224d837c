// Hand-written, not generated: the decorators the generated DTOs use where class-validator has none for a
// JSON Schema construct. tools/codegen/README.md lists which construct maps to which decorator.
import { plainToInstance } from 'class-transformer';
import {
  IsDefined,
  ValidateBy,
  ValidateIf,
  validateSync,
  type ValidationError,
  type ValidationOptions,
  type ValidatorOptions,
} from 'class-validator';

import type { DtoClass } from '../endpoint';

/** The same options parseRequest uses: unknown fields are refused. */
const CLOSED: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
const OPEN: ValidatorOptions = { forbidUnknownValues: true };

/**
 * An optional, non-nullable property: absent skips validation, but `null` is validated (and so refused).
 * class-validator's `@IsOptional()` would let `null` through, which the schema does not allow.
 */
export function IsOmittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined, options);
}

/** A required, nullable property (pair it with `@IsDefined()`): `null` skips validation, absence does not. */
export function IsNullable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== null, options);
}

/**
 * `anyOf: [{ required: ['a'] }, { required: ['b'] }]`: at least one of the properties must be present. Each is
 * validated when present, and required when none of its `alternatives` is present.
 */
export function IsRequiredUnless(...alternatives: string[]): PropertyDecorator {
  return (target: object, propertyKey: string | symbol) => {
    const names = [String(propertyKey), ...alternatives].join(' or ');
    ValidateIf(
      (object: Record<string, unknown>, value: unknown) =>
        value !== undefined || alternatives.every((name) => object[name] === undefined),
    )(target, propertyKey);
    IsDefined({ message: `${names} is required` })(target, propertyKey);
  };
}

/**
 * `anyOf`/`oneOf` of several schemas: the value must pass at least one of `holders`, generated classes that
 * each hold one option's schema as their `value` property.
 */
export function ValidateAnyOf(holders: () => DtoClass[], options?: ValidationOptions): PropertyDecorator {
  const problems = (value: unknown, path: string) => {
    const byOption = holders().map((holder) => holderProblems(value, holder, path));
    if (byOption.some((list) => list.length === 0)) return [];
    // The closest option is the one the value fails deepest in (not at its own type), then the one it fails least.
    const atRoot = (list: string[]) => list.filter((problem) => problem.startsWith(`${path} `)).length;
    const closest = byOption.reduce((best, list) =>
      atRoot(list) < atRoot(best) || (atRoot(list) === atRoot(best) && list.length < best.length) ? list : best,
    );
    return [`${path} matches none of its ${byOption.length} allowed shapes; closest: ${closest.join(', ')}`];
  };
  return validateBy('validateAnyOf', problems, options);
}

/**
 * An object with declared properties and `additionalProperties: true`: the declared properties are
 * validated against `type`, other keys are kept. class-validator's whitelist applies to a whole validation
 * run, so the object is validated in a run of its own.
 */
export function ValidateOpenObject(type: () => DtoClass, options?: ValidationOptions): PropertyDecorator {
  return validateBy('validateOpenObject', (value, path) => objectProblems(value, type(), OPEN, path), options);
}

/**
 * A map (`additionalProperties: {schema}` without declared properties): every value is validated as the
 * `value` property of `holder`, a generated class with that one property.
 */
export function ValidateRecord(holder: () => DtoClass, options?: ValidationOptions): PropertyDecorator {
  return validateBy('validateRecord', (value, path) => recordProblems(value, holder(), path), options);
}

/**
 * A decorator from a function listing a value's problems. With `each`, class-validator validates every
 * item but hands the message builder the whole array, so the message is built item by item.
 */
function validateBy(
  name: string,
  problems: (value: unknown, path: string) => string[],
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => problems(value, '').length === 0,
        defaultMessage: (args) => {
          const property = args?.property ?? '';
          const value: unknown = args?.value;
          const list =
            options?.each && Array.isArray(value)
              ? value.flatMap((item, index) => problems(item, `${property}.${index}`))
              : problems(value, property);
          return list.join('; ');
        },
      },
    },
    options,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectProblems(value: unknown, type: DtoClass, options: ValidatorOptions, path: string): string[] {
  if (!isPlainObject(value)) return [`${path} must be an object`];
  return validateSync(plainToInstance(type, value) as object, options).flatMap((e) => describe(e, path));
}

function recordProblems(value: unknown, holder: DtoClass, path: string): string[] {
  if (!isPlainObject(value)) return [`${path} must be an object`];
  return Object.entries(value).flatMap(([key, entry]) => holderProblems(entry, holder, path ? `${path}.${key}` : key));
}

/** Problems of `value` as the `value` property of `holder`, reported at `path`. */
function holderProblems(value: unknown, holder: DtoClass, path: string): string[] {
  return validateSync(plainToInstance(holder, { value }) as object, CLOSED).flatMap((e) =>
    describe({ ...e, property: '' }, path, 'value'),
  );
}

/** Flattens nested errors into `path.to.field message` lines. */
function describe(error: ValidationError, prefix: string, shownAs = error.property): string[] {
  const path = [prefix, error.property].filter(Boolean).join('.');
  const own = Object.values(error.constraints ?? {}).map((message) => {
    const unknown = /^property (\S+) should not exist$/.exec(message);
    if (unknown) return `${path} is not accepted here`;
    return message.startsWith(`${shownAs} `) ? `${path}${message.slice(shownAs.length)}` : `${path}: ${message}`;
  });
  return [...own, ...(error.children ?? []).flatMap((child) => describe(child, path))];
}
