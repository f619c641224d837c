import { CreateEventOutbox1795950000000 } from './1795950000000-CreateEventOutbox';
import { CreateApiKeys1795910000000 } from './1795910000000-CreateApiKeys';
import { CreateAccounts1795900000000 } from './1795900000000-CreateAccounts';
import { CreateExternalIdentities1795940000000 } from './1795940000000-CreateExternalIdentities';

/** Applied in this order by the migration command; each file is `<epoch-ms>-<PascalName>.ts`. */
export const migrations = [
  CreateAccounts1795900000000,
  CreateApiKeys1795910000000,
  CreateExternalIdentities1795940000000,
  CreateEventOutbox1795950000000,
];
