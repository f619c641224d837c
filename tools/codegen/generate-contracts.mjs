#!/usr/bin/env node
// Writes libs/contracts/src/generated/ from the catalogue (`npm run codegen`). With --check it writes nothing
// and exits 1 when a generated file is missing, different or stale. The mapping lives in contracts-generator.cjs.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

import generator from './contracts-generator.cjs';

const { CATALOGUE_PATH, HEADER, OUTPUT_DIR, generateContracts } = generator;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const check = process.argv.includes('--check');

const catalogue = JSON.parse(fs.readFileSync(path.join(root, CATALOGUE_PATH), 'utf8'));
const files = generateContracts(catalogue);

/** Files under the output folder that a previous run generated (they start with the header). */
function previouslyGenerated(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) return previouslyGenerated(full);
    return item.name.endsWith('.ts') && fs.readFileSync(full, 'utf8').startsWith(HEADER) ? [full] : [];
  });
}

const changed = Object.entries(files).filter(([file, content]) => {
  const full = path.join(root, file);
  return !fs.existsSync(full) || fs.readFileSync(full, 'utf8') !== content;
});
const stale = previouslyGenerated(path.join(root, OUTPUT_DIR))
  .map((full) => path.relative(root, full).split(path.sep).join('/'))
  .filter((file) => !(file in files));

if (check) {
  for (const [file] of changed) process.stderr.write(`out of date: ${file}\n`);
  for (const file of stale) process.stderr.write(`stale: ${file}\n`);
  if (changed.length || stale.length) {
    process.stderr.write('Generated contracts differ from the catalogue: run npm run codegen\n');
    process.exit(1);
  }
  process.stdout.write(`codegen: ${Object.keys(files).length} files up to date\n`);
} else {
  for (const [file, content] of changed) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  for (const file of stale) fs.rmSync(path.join(root, file));
  process.stdout.write(
    `codegen: ${Object.keys(files).length} files, ${changed.length} written, ${stale.length} removed\n`,
  );
}
