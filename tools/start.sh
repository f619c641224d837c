#!/usr/bin/env bash
# npm start: installs what is missing (npm deps, Postgres/PostGIS, Redis, NATS), builds, starts the
# dev stack (infra, migrations, the eight apps) and stays in the foreground; Ctrl-C or SIGTERM stops
# everything this run started. Ports and STACK_DIR come from the environment (defaults: gateway 3000,
# Postgres 55432, Redis 56379, NATS 54222/58222, S3 59000, .stack/dev). Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/stack/prepare.sh

# A second `npm start` while the first runs just says where it is (and does not rebuild under it).
if node tools/stack/cli.mjs running --profile dev; then
  exit 0
fi

ensure_node_modules
ensure_system_packages
build_all
echo "==> starting the dev stack"
exec node tools/stack/cli.mjs up --profile dev --foreground --timeout "${STACK_TIMEOUT:-120}"
