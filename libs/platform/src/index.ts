export * from './config';
export * from './env';
export * from './health';
export * from './logger';
export * from './pagination';
export * from './probe-server';
export * from './version';
