import 'reflect-metadata';

import { migrationMain } from '@lib/persistence';

import { identityDataSource } from './data-source';

/** `node migrate.js [run|revert]`: applies or reverts the identity schema's migrations. */
migrationMain(identityDataSource);
