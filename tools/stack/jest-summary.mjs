// Sums Jest --json result files and steps that could not run; the last line printed is always
// "N passed, N failed". Exit code 1 if a test failed, a suite failed to run, or a step failed.
//   node tools/stack/jest-summary.mjs <results dir> [--seconds <n>]
// The results dir holds <name>.json (Jest --json output), <name>.expected (written before Jest
// runs, so a missing .json means "did not run") and problems.txt (one failed step per line).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { seconds: { type: 'string' } } });
const dir = positionals[0] ?? '.stack/results';
const files = existsSync(dir) ? readdirSync(dir) : [];
const problems = existsSync(join(dir, 'problems.txt'))
  ? readFileSync(join(dir, 'problems.txt'), 'utf8').split('\n').filter(Boolean)
  : [];

let passed = 0;
let failed = 0;
const lines = [];
for (const name of files.filter((f) => f.endsWith('.expected')).map((f) => f.replace(/\.expected$/, '')).sort()) {
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) {
    problems.push(`${name}: Jest did not produce results (global setup or configuration failed; see the output above)`);
    continue;
  }
  let result;
  try {
    result = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${name}: unreadable results (${error.message})`);
    continue;
  }
  passed += result.numPassedTests ?? 0;
  failed += result.numFailedTests ?? 0;
  const suites = `${result.numTotalTestSuites ?? 0} suites`;
  lines.push(`${name}: ${result.numPassedTests ?? 0} passed, ${result.numFailedTests ?? 0} failed, ${result.numPendingTests ?? 0} skipped (${suites})`);
  for (const suite of result.testResults ?? []) {
    const failedTests = (suite.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (failedTests.length === 0 && suite.status !== 'failed') continue;
    const where = suite.name.replace(`${process.cwd()}/`, '');
    if (failedTests.length === 0) problems.push(`${name}: ${where} failed to run`);
    failedTests.forEach((t) => lines.push(`  ✕ ${where} › ${t.fullName}`));
  }
  if (result.numRuntimeErrorTestSuites > 0 && !problems.some((p) => p.startsWith(`${name}:`))) {
    problems.push(`${name}: ${result.numRuntimeErrorTestSuites} suite(s) failed to run`);
  }
}

console.log('');
console.log('==> summary');
lines.forEach((l) => console.log(l));
problems.forEach((p) => console.log(`problem: ${p}`));
if (values.seconds) console.log(`took ${values.seconds} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
