import type { Repository } from 'typeorm';

import { TenantScopedRepository, type TenantOwned } from './tenant-scoped.repository';

interface NoteEntity extends TenantOwned {
  id: string;
  title: string;
}

class NotesRepository extends TenantScopedRepository<NoteEntity> {
  constructor(repository: Repository<NoteEntity>) {
    super(repository);
  }
}

describe('TenantScopedRepository', () => {
  const typeorm = {
    findOne: jest.fn().mockResolvedValue(null),
    find: jest.fn().mockResolvedValue([]),
    count: jest.fn().mockResolvedValue(0),
    delete: jest.fn().mockResolvedValue({ affected: 2 }),
  };
  const notes = new NotesRepository(typeorm as unknown as Repository<NoteEntity>);

  it('adds the tenant to every read, count and delete', async () => {
    await notes.findOne('t1', { id: 'n1' });
    await notes.find('t1', { title: 'x' }, { limit: 10, offset: 20 });
    await notes.count('t1');
    expect(await notes.delete('t1', { id: 'n1' })).toBe(2);
    expect(typeorm.findOne).toHaveBeenCalledWith({ where: { id: 'n1', tenantId: 't1' } });
    expect(typeorm.find).toHaveBeenCalledWith({ where: { title: 'x', tenantId: 't1' }, take: 10, skip: 20 });
    expect(typeorm.count).toHaveBeenCalledWith({ where: { tenantId: 't1' } });
    expect(typeorm.delete).toHaveBeenCalledWith({ id: 'n1', tenantId: 't1' });
  });

  it('lets the tenant argument win over a tenantId smuggled into the filter', async () => {
    await notes.findOne('t1', { id: 'n1', tenantId: 't2' } as never);
    expect(typeorm.findOne).toHaveBeenLastCalledWith({ where: { id: 'n1', tenantId: 't1' } });
  });
});
