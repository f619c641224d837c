import type { ServiceDataSource } from '@lib/persistence';

import { migrations } from './migrations';

/** The storage schema: its entities and the migrations that build it. */
export const storageDataSource: ServiceDataSource = {
  schema: 'storage',
  entities: [],
  migrations,
};
