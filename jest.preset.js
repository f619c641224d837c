// Shared Jest setup: swc transform with decorator metadata (Nest DI needs it) and the @lib/* aliases.
const path = require('node:path');

const libs = ['contracts', 'persistence', 'platform', 'testing', 'transport'];

module.exports = {
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: Object.fromEntries(
    libs.map((lib) => [`^@lib/${lib}$`, path.join(__dirname, 'libs', lib, 'src', 'index.ts')]),
  ),
};
