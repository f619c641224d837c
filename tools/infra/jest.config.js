// Checks the deployment files (Dockerfile, docker-compose.yml, .env.example, k8s/) against the
// apps' real env classes and build layout.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'infra',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
