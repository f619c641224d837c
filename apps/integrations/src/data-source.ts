import type { ServiceDataSource } from '@lib/persistence';

import { migrations } from './migrations';

/** The integrations schema: its entities and the migrations that build it. */
export const integrationsDataSource: ServiceDataSource = {
  schema: 'integrations',
  entities: [],
  migrations,
};
