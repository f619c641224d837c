import type { DataSource, Repository } from 'typeorm';

import type { MembershipEntity } from './membership.entity';
import type { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

const USER = '11111111-1111-4111-8111-111111111111';
const TENANT = '22222222-2222-4222-8222-222222222222';
const row = (displayName: string) => ({
  id: USER,
  email: 'ada@example.com',
  display_name: displayName,
  locale: 'en',
  settings: {},
  type_definition_id: null,
  is_system_admin: false,
  role: 'owner',
});

describe('UsersRepository.profile', () => {
  const dataSource = {
    query: jest.fn(),
    // The leave transaction: the tenant keeps another owner, so the membership goes.
    transaction: jest.fn((work: (manager: unknown) => unknown) => work({ query: jest.fn().mockResolvedValue([{ user_id: 'another-owner' }, { user_id: USER }]) })),
  };
  const users = { update: jest.fn().mockResolvedValue(undefined) };
  const memberships = { delete: jest.fn().mockResolvedValue(undefined) };
  const repository = new UsersRepository(
    dataSource as unknown as DataSource,
    users as unknown as Repository<UserEntity>,
    memberships as unknown as Repository<MembershipEntity>,
  );

  beforeEach(() => {
    dataSource.query.mockReset();
    jest.useRealTimers();
  });

  it('reads the profile and role once, then answers from memory for 5 s', async () => {
    dataSource.query.mockResolvedValue([row('Ada')]);
    expect(await repository.profile(USER, TENANT)).toMatchObject({ displayName: 'Ada', role: 'owner' });
    expect(await repository.profile(USER, TENANT)).toMatchObject({ displayName: 'Ada' });
    expect(dataSource.query).toHaveBeenCalledTimes(1);
  });

  it('reads again once 5 s have passed', async () => {
    jest.useFakeTimers({ now: Date.now() + 60_000 });
    dataSource.query.mockResolvedValue([row('Ada')]);
    await repository.profile(USER, TENANT);
    jest.setSystemTime(Date.now() + 5_001);
    await repository.profile(USER, TENANT);
    expect(dataSource.query).toHaveBeenCalledTimes(2);
  });

  it('forgets the user at once when this replica changes the user or a membership', async () => {
    jest.useFakeTimers({ now: Date.now() + 120_000 });
    dataSource.query.mockResolvedValueOnce([row('Ada')]).mockResolvedValueOnce([row('Ada L.')]).mockResolvedValueOnce([]);
    await repository.profile(USER, TENANT);
    await repository.update(USER, { displayName: 'Ada L.' });
    expect(await repository.profile(USER, TENANT)).toMatchObject({ displayName: 'Ada L.' });
    expect(await repository.removeMembershipUnlessLastOwner(USER, TENANT)).toBe('removed');
    expect(await repository.profile(USER, TENANT)).toBeNull();
  });
});
