export * from './data-source';
export * from './migration-runner';
export * from './tenant-scoped.repository';
export * from './event-outbox.migration';
