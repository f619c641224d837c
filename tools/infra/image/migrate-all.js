// Entry (main.js) of the migrations image: runs every service's `migrate.js run` one after the
// other, from /app so each finds package.json, and stops at the first failure so the Job or the
// compose one-shot fails as a whole. Each service's migrations take their own advisory lock.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

// Same order as tools/infra/image/build-app.sh (a test keeps both equal to SERVICE_NAMES).
const SERVICES = ['identity', 'tenancy', 'storage', 'calendar', 'messaging', 'audit', 'integrations'];

const command = process.argv[2] || 'run';
if (command !== 'run') {
  // Reverting is a per-service decision: node <service>/migrate.js revert
  process.stderr.write(`Only "run" applies to every service; revert one with: node <service>/migrate.js revert\n`);
  process.exit(2);
}

for (const service of SERVICES) {
  process.stdout.write(`${service}: running migrations\n`);
  const result = spawnSync(process.execPath, [path.join(__dirname, service, 'migrate.js'), 'run'], { stdio: 'inherit' });
  if (result.status !== 0) {
    const reason = result.error ? result.error.message : result.signal ? `signal ${result.signal}` : `exit code ${result.status}`;
    process.stderr.write(`${service}: migrations failed (${reason}); the services after it were not migrated\n`);
    process.exit(result.status || 1);
  }
}
process.stdout.write(`all ${SERVICES.length} services migrated\n`);
