import { CreateEventOutbox1795950000000 } from './1795950000000-CreateEventOutbox';
import { CreateAuditEvents1796000000000 } from './1796000000000-CreateAuditEvents';

/** Applied in this order by the migration command; each file is `<epoch-ms>-<PascalName>.ts`. */
export const migrations = [CreateEventOutbox1795950000000, CreateAuditEvents1796000000000];
