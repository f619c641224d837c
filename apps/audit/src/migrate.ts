import 'reflect-metadata';

import { migrationMain } from '@lib/persistence';

import { auditDataSource } from './data-source';

/** `node migrate.js [run|revert]`: applies or reverts the audit schema's migrations. */
migrationMain(auditDataSource);
