import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import type { OAuthProviderId } from '@lib/contracts';

import { ExternalIdentityEntity } from './external-identity.entity';

/** A provider account to link: who at which provider, with the verified email it reported. */
export interface ExternalIdentityLink {
  userId: string;
  provider: OAuthProviderId;
  subject: string;
  email: string;
}

/** Reads and writes `identity.external_identities`, looked up by provider and subject. */
@Injectable()
export class ExternalIdentitiesRepository {
  constructor(@InjectRepository(ExternalIdentityEntity) private readonly links: Repository<ExternalIdentityEntity>) {}

  find(provider: OAuthProviderId, subject: string): Promise<ExternalIdentityEntity | null> {
    return this.links.findOne({ where: { provider, subject } });
  }

  /** Links unless this provider account is linked already (to anyone): the first link stays. */
  async link(link: ExternalIdentityLink, at: Date): Promise<void> {
    await this.links.createQueryBuilder().insert().values({ ...link, lastLoginAt: at }).orIgnore().execute();
  }

  /** The same inside a caller's transaction (registration: the user and its link, both or neither). */
  async linkWithin(manager: EntityManager, link: ExternalIdentityLink, at: Date): Promise<void> {
    await manager.insert(ExternalIdentityEntity, { ...link, lastLoginAt: at });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.links.update({ id }, { lastLoginAt: at });
  }

  /** Drops a link whose user is gone (a closed account), so the provider account can register again. */
  async remove(id: string): Promise<void> {
    await this.links.delete({ id });
  }
}
