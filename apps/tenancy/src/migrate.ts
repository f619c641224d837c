import 'reflect-metadata';

import { migrationMain } from '@lib/persistence';

import { tenancyDataSource } from './data-source';

/** `node migrate.js [run|revert]`: applies or reverts the tenancy schema's migrations. */
migrationMain(tenancyDataSource);
