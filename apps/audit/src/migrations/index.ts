import { CreateEventOutbox1795940000000 } from './1795940000000-CreateEventOutbox';

/** Applied in this order by the migration command; each file is `<epoch-ms>-<PascalName>.ts`. */
export const migrations = [CreateEventOutbox1795940000000];
