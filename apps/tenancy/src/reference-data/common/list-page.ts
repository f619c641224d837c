import type { PaginationQuery } from '@lib/contracts';
import { page } from '@lib/platform';

/**
 * Every reference list is shorter than the largest page (500), so a request without `limit`
 * gets the whole list; the response says which limit applied.
 */
export const DEFAULT_LIMIT = 500;

export interface ListPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function listPage<T>(items: readonly T[], query: PaginationQuery): ListPage<T> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const offset = query.offset ?? 0;
  return { items: page(items, limit, offset), total: items.length, limit, offset };
}

/** The page of a list whose contract answers a bare array: without `limit`, all of it. */
export function arrayPage<T>(items: readonly T[], query: PaginationQuery): T[] {
  if (query.limit === undefined && query.offset === undefined) return [...items];
  return listPage(items, query).items;
}

/** Orders `items` so that those whose key is in `priority` come first, in that order; the rest keep their order. */
export function prioritize<T>(items: readonly T[], key: (item: T) => string, priority: readonly string[]): T[] {
  const rank = new Map<string, number>();
  priority.forEach((code, index) => rank.has(code) || rank.set(code, index));
  const first = items.filter((item) => rank.has(key(item)));
  first.sort((a, b) => (rank.get(key(a)) ?? 0) - (rank.get(key(b)) ?? 0));
  return [...first, ...items.filter((item) => !rank.has(key(item)))];
}
