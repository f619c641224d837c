import type { FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';

/** Entities of tenant data carry their tenant. */
export interface TenantOwned {
  tenantId: string;
}

type Where<E> = Omit<FindOptionsWhere<E>, 'tenantId'>;

/**
 * Base of every repository over tenant data: each read, count and delete takes the tenant id as
 * a required argument, so a query that forgets it does not compile.
 */
export abstract class TenantScopedRepository<E extends ObjectLiteral & TenantOwned> {
  protected constructor(protected readonly repository: Repository<E>) {}

  findOne(tenantId: string, where: Where<E>): Promise<E | null> {
    return this.repository.findOne({ where: this.scope(tenantId, where) });
  }

  find(tenantId: string, where: Where<E> = {} as Where<E>, page?: { limit: number; offset: number }): Promise<E[]> {
    return this.repository.find({ where: this.scope(tenantId, where), take: page?.limit, skip: page?.offset });
  }

  count(tenantId: string, where: Where<E> = {} as Where<E>): Promise<number> {
    return this.repository.count({ where: this.scope(tenantId, where) });
  }

  async delete(tenantId: string, where: Where<E>): Promise<number> {
    const result = await this.repository.delete(this.scope(tenantId, where));
    return result.affected ?? 0;
  }

  protected scope(tenantId: string, where: Where<E>): FindOptionsWhere<E> {
    return { ...where, tenantId } as FindOptionsWhere<E>;
  }
}
