// After `tsc` compiled an app into dist/apps/<app>/, writes its entry files (main.js, and
// migrate.js for services) which resolve the @lib/* aliases to the compiled libs beside them.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const app = process.argv[2];
if (!app) {
  console.error('usage: finish-build.mjs <app>');
  process.exit(2);
}
const out = join('dist', 'apps', app);

const aliasHook = `// Resolves @lib/<name> to the compiled lib shipped beside this file.
const Module = require('node:module');
const path = require('node:path');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const lib = /^@lib\\/([a-z-]+)$/.exec(request);
  if (lib) request = path.join(__dirname, 'libs', lib[1], 'src', 'index.js');
  return resolve.call(this, request, ...rest);
};
`;
writeFileSync(join(out, 'alias-hook.js'), aliasHook);
for (const entry of ['main', 'migrate']) {
  if (!existsSync(join(out, 'apps', app, 'src', `${entry}.js`))) continue;
  writeFileSync(join(out, `${entry}.js`), `require('./alias-hook.js');\nrequire('./apps/${app}/src/${entry}.js');\n`);
}
console.log(`built ${out}`);
