#!/bin/sh
# Builds one app inside the image's build stage and stages what the runtime stage copies to /app.
#   sh tools/infra/image/build-app.sh <app> <out-dir>
# gateway or a service: <out-dir> receives dist/apps/<app>/ (main.js, and migrate.js for a service).
# migrations: <out-dir>/<service>/ receives each service's build and main.js is migrate-all.js,
# which runs every service's `migrate.js run` in SERVICES order.
set -eu

SERVICES="identity tenancy storage calendar messaging audit integrations"
usage="usage: build-app.sh <gateway|migrations|$(echo "$SERVICES" | tr ' ' '|')> <out-dir>"
app=${1:?$usage}
out=${2:?$usage}
nx=node_modules/.bin/nx

case " gateway $SERVICES migrations " in
  *" $app "*) ;;
  *) echo "Unknown APP '$app'. $usage" >&2; exit 2 ;;
esac

mkdir -p "$out"
if [ "$app" = migrations ]; then
  "$nx" run-many -t build -p "$(echo "$SERVICES" | tr ' ' ',')"
  for service in $SERVICES; do
    mkdir -p "$out/$service"
    cp -R "dist/apps/$service/." "$out/$service/"
    test -f "$out/$service/migrate.js" || { echo "$service: the build produced no migrate.js" >&2; exit 1; }
  done
  cp "$(dirname "$0")/migrate-all.js" "$out/main.js"
else
  "$nx" run "$app:build"
  cp -R "dist/apps/$app/." "$out/"
fi
test -f "$out/main.js" || { echo "$app: the build produced no main.js" >&2; exit 1; }
echo "staged $app in $out"
