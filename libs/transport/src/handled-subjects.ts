import type { DynamicModule, Type } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';

import { allEndpoints, type EndpointOwner } from '@lib/contracts';

type ModuleLike = Type | DynamicModule | Promise<DynamicModule>;

/**
 * Every NATS subject the controllers of a module tree answer, one entry per handler method
 * (a subject handled twice appears twice). Used by each service's spec to prove that every
 * declared endpoint has exactly one handler.
 */
export function handledSubjects(root: ModuleLike): string[] {
  const subjects: string[] = [];
  const seen = new Set<unknown>();
  const visit = (module: ModuleLike | undefined) => {
    if (!module || module instanceof Promise || seen.has(module)) return;
    seen.add(module);
    const dynamic = 'module' in module ? module : undefined;
    const type = (dynamic ? dynamic.module : module) as Type;
    const controllers = [...metadata<Type>('controllers', type), ...(dynamic?.controllers ?? [])];
    for (const controller of controllers) subjects.push(...subjectsOf(controller));
    for (const child of [...metadata<ModuleLike>('imports', type), ...((dynamic?.imports ?? []) as ModuleLike[])]) visit(child);
  };
  visit(root);
  return subjects.sort();
}

/** Ids of the endpoints a service must answer, sorted. */
export function declaredSubjects(owner: EndpointOwner): string[] {
  return allEndpoints
    .filter((e) => e.owner === owner)
    .map((e) => e.id)
    .sort();
}

function subjectsOf(controller: Type): string[] {
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    const patterns = Reflect.getMetadata(PATTERN_METADATA, prototype[name] as object) as unknown[] | undefined;
    return (patterns ?? []).map(String).filter((p) => !p.endsWith('.system.health') && !p.includes('.internal.'));
  });
}

function metadata<T>(key: string, target: Type): T[] {
  return (Reflect.getMetadata(key, target) as T[] | undefined) ?? [];
}
