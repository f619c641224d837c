import type { ServiceDataSource } from '@lib/persistence';

import { AuditEventEntity } from './audit-events/audit-event.entity';
import { migrations } from './migrations';

/** The audit schema: its entities and the migrations that build it. */
export const auditDataSource: ServiceDataSource = {
  schema: 'audit',
  entities: [AuditEventEntity],
  migrations,
};
