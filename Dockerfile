# syntax=docker/dockerfile:1
# One recipe for every image of the platform; the build argument APP picks what goes in:
#   docker build --build-arg APP=gateway    -t platform/gateway .
#   docker build --build-arg APP=identity   -t platform/identity .    (likewise tenancy, storage, calendar,
#                                                                       messaging, audit, integrations)
#   docker build --build-arg APP=migrations -t platform/migrations .  (migrates all seven schemas, then exits)
# Every image runs `node main.js` in /app, which also holds package.json (the apps read their
# version from it), as uid 1000, and writes nothing to its file system.

ARG NODE_IMAGE=node:20-bookworm-slim

# Every dependency, for the build. `npm ci` rejects this lockfile (the registry has no darwin/win32
# binaries, so they are missing from it); `npm install` follows the lock all the same. The build
# only runs nx and swc (its binary comes as a platform package), which need no install scripts.
FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --ignore-scripts

# Production dependencies only, for the runtime. --omit=optional also drops typescript, ts-node
# and swc (the lockfile marks them dev-or-optional: optional peers of typeorm) and native
# speed-ups with JS fallbacks. Type declarations, source maps and typeorm's browser build are
# never loaded by Node: deleting them saves about 75 MB.
# argon2 is compiled here: its bundled prebuilds need N-API 10 and crash Node 20 (N-API 9) on load.
# nodedir points node-gyp at the headers shipped in the image instead of downloading them.
FROM ${NODE_IMAGE} AS prod-deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
ENV npm_config_nodedir=/usr/local
RUN npm install --omit=dev --omit=optional --no-audit --no-fund --ignore-scripts \
 && npm_config_build_from_source=true npm rebuild argon2 \
 && node -e "require('argon2').hash('probe').then(() => console.log('argon2 loads'))" \
 && rm -rf node_modules/argon2/build/Release/obj.target node_modules/typeorm/browser \
 && find node_modules -type f \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' \) -delete \
 && npm cache clean --force

FROM deps AS build
ARG APP
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
COPY . .
RUN sh tools/infra/image/build-app.sh "${APP}" /out

FROM ${NODE_IMAGE} AS runtime
ARG APP
# CI may pass its build number: the apps report major.minor from package.json plus this.
ARG BUILD_NUMBER=0
ENV NODE_ENV=production \
    BUILD_NUMBER=${BUILD_NUMBER} \
    NODE_OPTIONS=--enable-source-maps
LABEL org.opencontainers.image.title="platform-${APP}" \
      org.opencontainers.image.description="Multi-tenant SaaS platform backend: ${APP}"
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /out ./
# Numeric, so Kubernetes' runAsNonRoot can check it (1000 is the base image's `node` user).
USER 1000:1000
CMD ["node", "main.js"]
