import { CreateEventOutbox1795950000000 } from './1795950000000-CreateEventOutbox';

/** Applied in this order by the migration command; each file is `<epoch-ms>-<PascalName>.ts`. */
export const migrations = [CreateEventOutbox1795950000000];
