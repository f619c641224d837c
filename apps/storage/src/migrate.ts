import 'reflect-metadata';

import { migrationMain } from '@lib/persistence';

import { storageDataSource } from './data-source';

/** `node migrate.js [run|revert]`: applies or reverts the storage schema's migrations. */
migrationMain(storageDataSource);
