export interface Pagination {
  total: number;
  limit: number;
  offset: number;
  hasMore: boolean;
}

export function pagination(total: number, limit: number, offset: number): Pagination {
  return { total, limit, offset, hasMore: offset + limit < total };
}

/** The page of `items` that `limit` and `offset` select. */
export function page<T>(items: readonly T[], limit: number, offset: number): T[] {
  return items.slice(offset, offset + limit);
}
