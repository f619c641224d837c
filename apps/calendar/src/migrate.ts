import 'reflect-metadata';

import { migrationMain } from '@lib/persistence';

import { calendarDataSource } from './data-source';

/** `node migrate.js [run|revert]`: applies or reverts the calendar schema's migrations. */
migrationMain(calendarDataSource);
