import 'reflect-metadata';

import { migrationMain } from '@lib/persistence';

import { messagingDataSource } from './data-source';

/** `node migrate.js [run|revert]`: applies or reverts the messaging schema's migrations. */
migrationMain(messagingDataSource);
