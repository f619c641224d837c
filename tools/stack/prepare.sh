# Shared steps of tools/start.sh and tools/test.sh (sourced; the caller cd's to the workspace root).

export NX_DAEMON=false NX_NO_CLOUD=true

# npm install when node_modules is missing or older than package-lock.json.
ensure_node_modules() {
  if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
    return 0
  fi
  echo "==> npm install --no-audit --no-fund"
  npm install --no-audit --no-fund || return 1
  # npm leaves the marker untouched when nothing changed; mark node_modules as current.
  touch node_modules/.package-lock.json
}

ensure_system_packages() {
  echo "==> system packages"
  node tools/stack/cli.mjs ensure-packages
}

build_all() {
  echo "==> build (nx run-many -t build)"
  npx nx run-many -t build --outputStyle=static
}
