import { eventOutboxMigration } from '@lib/persistence';

/** Events JetStream could not take wait here until the relay publishes them. */
export class CreateEventOutbox1795950000000 extends eventOutboxMigration('integrations', '1795950000000') {}
