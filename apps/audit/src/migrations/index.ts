import { CreateAuditEvents1796000000000 } from './1796000000000-CreateAuditEvents';

/** Applied in this order by the migration command; each file is `<epoch-ms>-<PascalName>.ts`. */
export const migrations = [CreateAuditEvents1796000000000];
