import { CreateEventOutbox1795950000000 } from './1795950000000-CreateEventOutbox';
import { CreateReferenceData1795447602909 } from './1795447602909-CreateReferenceData';
import { SeedReferenceData1795447602910 } from './1795447602910-SeedReferenceData';
import { CreateTenants1795900100000 } from './1795900100000-CreateTenants';
import { CreateLanguageSyncJobs1795930000000 } from './1795930000000-CreateLanguageSyncJobs';

/** Applied in this order by the migration command; each file is `<epoch-ms>-<PascalName>.ts`. */
export const migrations = [
  CreateReferenceData1795447602909,
  SeedReferenceData1795447602910,
  CreateTenants1795900100000,
  CreateLanguageSyncJobs1795930000000,
  CreateEventOutbox1795950000000,
];
