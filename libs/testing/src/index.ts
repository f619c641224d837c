export * from './contract';
export * from './gateway-client';
export * from './poll';
export * from './rejection';
