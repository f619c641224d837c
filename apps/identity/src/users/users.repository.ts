import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { MembershipEntity, type MembershipRole } from './membership.entity';
import { UserEntity } from './user.entity';

/** What a new account starts with; the repository fills in the rest. */
export interface NewUser {
  id: string;
  email: string;
  /** Null for an account that signs in through an OAuth provider only (password login then always fails). */
  passwordHash: string | null;
  displayName?: string | null;
  /** Set when the address is known to be verified already (a provider that verified it). */
  emailVerifiedAt?: Date | null;
  locale?: string;
  defaultTenantId?: string | null;
  isSystemAdmin?: boolean;
}

/** More rows written in the transaction that creates a user (they commit or roll back with it). */
export type AlsoWrite = (manager: EntityManager) => Promise<void>;

/** A user as `/auth/me` describes it, with the role in the tenant asked about. */
export type UserProfile = Pick<UserEntity, 'id' | 'email' | 'displayName' | 'locale' | 'settings' | 'typeDefinitionId' | 'isSystemAdmin'> & {
  role: MembershipRole | null;
};

const PROFILE_CACHE_MS = 5_000;
const PROFILE_CACHE_ENTRIES = 10_000;

interface ProfileRow {
  id: string;
  email: string;
  display_name: string | null;
  locale: string;
  settings: UserEntity['settings'];
  type_definition_id: string | null;
  is_system_admin: boolean;
  role: MembershipRole | null;
}

export type UserChanges = Partial<
  Pick<UserEntity, 'firstName' | 'middleName' | 'lastName' | 'displayName' | 'locale' | 'settings' | 'typeDefinitionId' | 'defaultTenantId'>
>;

/**
 * Reads and writes `identity.users` and `identity.memberships`. Accounts are platform-wide (one per
 * email), so lookups are by user id or email; memberships are always read for one user.
 * Deleted accounts (deleted_at set) are invisible to every method.
 */
@Injectable()
export class UsersRepository {
  private readonly profiles = new Map<string, { profile: UserProfile | null; until: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
  ) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id, deletedAt: IsNull() } });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email, deletedAt: IsNull() } });
  }

  /** The user with its password hash (for login and password changes only). */
  findWithPasswordByEmail(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email AND user.deleted_at IS NULL', { email })
      .getOne();
  }

  findWithPasswordById(id: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id AND user.deleted_at IS NULL', { id })
      .getOne();
  }

  async emailTaken(email: string): Promise<boolean> {
    return (await this.users.count({ where: { email, deletedAt: IsNull() } })) > 0;
  }

  /** Creates the user and its first membership in one transaction: both or neither (with `alsoWrite`'s rows). */
  async createWithMembership(user: NewUser, tenantId: string, role: MembershipRole, alsoWrite?: AlsoWrite): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const created = manager.create(UserEntity, userRow(user, tenantId));
      await manager.insert(UserEntity, created as QueryDeepPartialEntity<UserEntity>);
      await manager.insert(MembershipEntity, { userId: user.id, tenantId, role });
      if (alsoWrite) await alsoWrite(manager);
      return created;
    });
  }

  /** A user without a tenant (the first system administrator). */
  async create(user: NewUser): Promise<void> {
    await this.users.insert(userRow(user, null));
  }

  async update(id: string, changes: UserChanges): Promise<void> {
    // jsonb `settings` is Record<string, unknown>, which TypeORM's deep-partial type cannot express.
    await this.users.update({ id, deletedAt: IsNull() }, changes as QueryDeepPartialEntity<UserEntity>);
    this.forgetProfiles(id);
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.users.update({ id, deletedAt: IsNull() }, { passwordHash });
  }

  async markEmailVerified(id: string, at: Date): Promise<void> {
    await this.users.update({ id, deletedAt: IsNull() }, { emailVerifiedAt: at });
  }

  async setSystemAdmin(id: string, isSystemAdmin: boolean): Promise<void> {
    await this.users.update({ id }, { isSystemAdmin });
    this.forgetProfiles(id);
  }

  async softDelete(id: string, at: Date): Promise<void> {
    await this.users.update({ id, deletedAt: IsNull() }, { deletedAt: at });
    this.forgetProfiles(id);
  }

  /** The user's memberships, oldest first. */
  membershipsOf(userId: string): Promise<MembershipEntity[]> {
    return this.memberships.find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * The profile `/auth/me` shows and the user's role in `tenantId` (null when not a member). The
   * platform's most frequent read: remembered for 5 s and forgotten at once when this replica changes
   * the user or a membership (another replica's copy lives at most 5 s; authorization never uses it).
   */
  async profile(userId: string, tenantId: string | null): Promise<UserProfile | null> {
    const key = `${userId}|${tenantId ?? ''}`;
    const cached = this.profiles.get(key);
    if (cached && cached.until > Date.now()) return cached.profile;
    const profile = await this.readProfile(userId, tenantId);
    if (this.profiles.size >= PROFILE_CACHE_ENTRIES) this.profiles.clear();
    this.profiles.set(key, { profile, until: Date.now() + PROFILE_CACHE_MS });
    return profile;
  }

  /** How to show each user: display name, else full name, else email; deleted and unknown users are left out. */
  async namesOf(userIds: string[]): Promise<Record<string, string>> {
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, coalesce(nullif(display_name, ''), nullif(trim(concat_ws(' ', first_name, last_name)), ''), email) AS name
         FROM identity.users WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
      [userIds],
    );
    return Object.fromEntries(rows.map((row) => [row.id, row.name]));
  }

  /** One raw query: TypeORM's entity building cost more than the query itself on this path. */
  private async readProfile(userId: string, tenantId: string | null): Promise<UserProfile | null> {
    const rows: ProfileRow[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name, u.locale, u.settings, u.type_definition_id, u.is_system_admin, m.role
         FROM identity.users u
         LEFT JOIN identity.memberships m ON m.user_id = u.id AND m.tenant_id = $2
        WHERE u.id = $1 AND u.deleted_at IS NULL`,
      [userId, tenantId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      settings: row.settings,
      typeDefinitionId: row.type_definition_id,
      isSystemAdmin: row.is_system_admin,
      role: row.role,
    };
  }

  private forgetProfiles(userId: string): void {
    for (const key of this.profiles.keys()) if (key.startsWith(`${userId}|`)) this.profiles.delete(key);
  }

  membership(userId: string, tenantId: string): Promise<MembershipEntity | null> {
    return this.memberships.findOne({ where: { userId, tenantId } });
  }

  /** Adds the membership unless the user already has one in the tenant; answers whether it was added. */
  async addMembership(userId: string, tenantId: string, role: MembershipRole): Promise<boolean> {
    const result = await this.memberships
      .createQueryBuilder()
      .insert()
      .values({ userId, tenantId, role })
      .orIgnore()
      .execute();
    this.forgetProfiles(userId);
    return (result.identifiers.filter(Boolean).length ?? 0) > 0;
  }

  /**
   * Removes the membership unless it is the tenant's last owner. The tenant's owner rows are locked first, so
   * two owners leaving at once cannot both see the other one still there.
   */
  async removeMembershipUnlessLastOwner(userId: string, tenantId: string): Promise<'removed' | 'last-owner'> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const owners: { user_id: string }[] = await manager.query(
        `SELECT user_id FROM identity.memberships WHERE tenant_id = $1 AND role = 'owner' FOR UPDATE`,
        [tenantId],
      );
      if (owners.length === 1 && owners[0]?.user_id === userId) return 'last-owner' as const;
      await manager.query(`DELETE FROM identity.memberships WHERE user_id = $1 AND tenant_id = $2`, [userId, tenantId]);
      return 'removed' as const;
    });
    this.forgetProfiles(userId);
    return outcome;
  }
}

/** The row of a new account; its default tenant is the one it joins first, if any. */
function userRow(user: NewUser, firstTenantId: string | null) {
  return {
    id: user.id,
    email: user.email,
    passwordHash: user.passwordHash,
    displayName: user.displayName ?? null,
    emailVerifiedAt: user.emailVerifiedAt ?? null,
    locale: user.locale ?? 'en',
    settings: {},
    isSystemAdmin: user.isSystemAdmin ?? false,
    defaultTenantId: user.defaultTenantId ?? firstTenantId,
  };
}
