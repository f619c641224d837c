import 'reflect-metadata';

import { migrationMain } from '@lib/persistence';

import { integrationsDataSource } from './data-source';

/** `node migrate.js [run|revert]`: applies or reverts the integrations schema's migrations. */
migrationMain(integrationsDataSource);
