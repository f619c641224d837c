// Builds one app into dist/apps/<app>/: transpiles its sources and the libs with swc (the same
// settings as the tests), copies JSON data, and writes the entry files (main.js, migrate.js, ...)
// that resolve the @lib/* aliases to the compiled libs beside them. Types are checked once for the
// whole workspace by `npm run typecheck` (tsc), not per app.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

import swc from '@swc/core';

const app = process.argv[2];
if (!app || !existsSync(join('apps', app, 'src'))) {
  console.error(`usage: build-app.mjs <app>   (no folder apps/${app ?? '<app>'}/src)`);
  process.exit(2);
}
const out = join('dist', 'apps', app);
const SOURCE_ROOTS = [join('apps', app, 'src'), ...readdirSync('libs').filter((lib) => lib !== 'testing').map((lib) => join('libs', lib, 'src'))];
const SKIP = /\.(spec|int-spec|e2e-spec)\.ts$|\.d\.ts$/;

const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    // Nest, class-validator-jsonschema and the logs rely on class names.
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

rmSync(out, { recursive: true, force: true });
let count = 0;
for (const root of SOURCE_ROOTS) {
  for (const file of files(root)) {
    const target = join(out, file);
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.json')) {
      cpSync(file, target);
    } else if (file.endsWith('.ts') && !SKIP.test(file)) {
      const js = target.replace(/\.ts$/, '.js');
      const { code, map } = await swc.transformFile(file, { ...SWC_OPTIONS, filename: file, sourceFileName: relative(dirname(js), file) });
      writeFileSync(js, `${code}\n//# sourceMappingURL=${js.split('/').pop()}.map\n`);
      writeFileSync(`${js}.map`, map);
      count++;
    }
  }
}

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
const entries = ['main', 'migrate', 'create-admin'].filter((e) => existsSync(join(out, 'apps', app, 'src', `${e}.js`)));
for (const entry of entries) {
  writeFileSync(join(out, `${entry}.js`), `require('./alias-hook.js');\nrequire('./apps/${app}/src/${entry}.js');\n`);
}
console.log(`built ${out} (${count} files; entries: ${entries.join(', ')})`);
