module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'integrations',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
