import type { ServiceDataSource } from '@lib/persistence';

import { migrations } from './migrations';

/** The tenancy schema: its entities and the migrations that build it. */
export const tenancyDataSource: ServiceDataSource = {
  schema: 'tenancy',
  entities: [],
  migrations,
};
