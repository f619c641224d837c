import type { ServiceDataSource } from '@lib/persistence';

import { migrations } from './migrations';

/** The identity schema: its entities and the migrations that build it. */
export const identityDataSource: ServiceDataSource = {
  schema: 'identity',
  entities: [],
  migrations,
};
