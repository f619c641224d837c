#!/usr/bin/env bash
# npm test: npm deps and system packages (as npm start), build, the unit tests of every project
# (apps/*, libs/*, tools/infra), then the e2e suite (apps/e2e boots the whole test stack itself on the
# test ports). The last line is always "N passed, N failed"; the exit code is non-zero if a test
# failed, a suite could not run, or a step (install, build) failed.
set -uo pipefail
cd "$(dirname "$0")/.."
. tools/stack/prepare.sh

RESULTS=.stack/results
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
started=$(date +%s)
problem() { echo "$*" >>"$RESULTS/problems.txt"; echo "!! $*"; }
summary() {
  node tools/stack/cli.mjs down --profile test --quiet >/dev/null 2>&1 || true
  node tools/stack/jest-summary.mjs "$RESULTS" --seconds "$(($(date +%s) - started))"
  exit $?
}
trap 'echo "interrupted"; problem "interrupted"; summary' INT TERM

ensure_node_modules || { problem "npm install failed"; summary; }

packages_ok=1
ensure_system_packages || { packages_ok=0; problem "system packages missing (see above)"; }

build_ok=1
build_all || { build_ok=0; problem "build failed (see above); e2e skipped"; }

# The build transpiles without type checking; one tsc run checks the whole workspace.
echo "==> type check (tsc -p tsconfig.json)"
npx tsc -p tsconfig.json || problem "type errors (see above)"

shopt -s nullglob
projects=()
for config in apps/*/jest.config.*js libs/*/jest.config.*js tools/infra/jest.config.*js; do
  [[ "$config" == apps/e2e/* ]] || projects+=("$config")
done
shopt -u nullglob

echo "==> unit tests (${#projects[@]} projects)"
touch "$RESULTS/unit.expected"
npx jest --ci --passWithNoTests --maxWorkers=2 --json --outputFile="$RESULTS/unit.json" --projects "${projects[@]}"

if [ "$build_ok" = 1 ] && [ "$packages_ok" = 1 ]; then
  echo "==> e2e tests (apps/e2e)"
  touch "$RESULTS/e2e.expected"
  E2E_BUILT=1 npx jest --ci --json --outputFile="$RESULTS/e2e.json" -c apps/e2e/jest.config.js
fi

summary
