import type { ServiceDataSource } from '@lib/persistence';

import { OneTimeTokenEntity } from './auth/one-time-token.entity';
import { MembershipEntity } from './users/membership.entity';
import { SessionEntity } from './sessions/session.entity';
import { UserEntity } from './users/user.entity';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { migrations } from './migrations';
import { ExternalIdentityEntity } from './oauth/external-identity.entity';

/** The identity schema: its entities and the migrations that build it. */
export const identityDataSource: ServiceDataSource = {
  schema: 'identity',
  entities: [
    OneTimeTokenEntity,
    MembershipEntity,
    SessionEntity,
    UserEntity,
    ApiKeyEntity,
    ExternalIdentityEntity,
  ],
  migrations,
};
