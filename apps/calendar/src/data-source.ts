import type { ServiceDataSource } from '@lib/persistence';

import { migrations } from './migrations';

/** The calendar schema: its entities and the migrations that build it. */
export const calendarDataSource: ServiceDataSource = {
  schema: 'calendar',
  entities: [],
  migrations,
};
