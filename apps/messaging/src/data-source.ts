import type { ServiceDataSource } from '@lib/persistence';

import { migrations } from './migrations';

/** The messaging schema: its entities and the migrations that build it. */
export const messagingDataSource: ServiceDataSource = {
  schema: 'messaging',
  entities: [],
  migrations,
};
