// End-to-end suite: the global setup starts the whole test stack (tools/stack, test ports, .stack/test)
// from the existing build, the specs talk to the gateway only, the teardown stops everything.
// Run alone (after a build): npx jest -c apps/e2e/jest.config.js
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/global-setup.mjs',
  globalTeardown: '<rootDir>/global-teardown.mjs',
  // Specs that stop infrastructure (resilience) run last; the rest in path order.
  testSequencer: '<rootDir>/test-sequencer.js',
  // One stack, one process: specs run in band.
  maxWorkers: 1,
  testTimeout: 60_000,
};
