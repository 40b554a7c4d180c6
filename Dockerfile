# Luoshi 落实 — production image.
#
#   docker build -t luoshi .
#   docker run -p 4000:4000 -e DATABASE_URL=mysql://… -e JWT_SECRET=… -e ADMIN_PASSWORD=… luoshi
#
# docker-compose.yml builds this image and runs it next to MariaDB; see docs/deployment.md.

# ---------------------------------------------------------------------------------------
# Build stage: install every dependency (compiling better-sqlite3 when no prebuilt binary
# can be fetched), compile the TypeScript, then drop the dev dependencies.
# ---------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS build

# Tools node-gyp needs to build better-sqlite3 from source.
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# The whole source (less what .dockerignore leaves out) goes in before `npm ci`, so the
# build runs exactly as in a fresh clone: `npm run build` compiles the server and builds
# the console (admin/ → admin/dist with vite; its packages are dev dependencies, pruned
# after the build — the image serves only the built files).
COPY . .

RUN npm ci --no-audit --no-fund \
    && npm run build \
    && test -f dist/server/src/main.js \
    && test -f admin/dist/index.html \
    && npm prune --omit=dev --no-audit --no-fund

# ---------------------------------------------------------------------------------------
# Runtime stage: production node_modules, compiled server, built console; non-root.
# ---------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime

ENV NODE_ENV=production \
    PORT=4000

WORKDIR /app

# Files stay owned by root (read-only for the server); only ./data — where a SQLite
# database and its generated JWT secret would go with the default DATABASE_URL — is
# writable by the `node` user. Mount a volume there if you run the image on SQLite.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/admin/dist ./admin/dist
RUN mkdir -p /app/data && chown node:node /app/data

USER node

EXPOSE 4000

# Liveness: the process answers HTTP. (docker-compose.yml checks /readyz instead, which
# also needs the database.) Slim images have no curl, so Node's fetch does the request.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]

# Migrations run at start: the server brings the schema up to date before it listens.
CMD ["node", "dist/server/src/main.js"]
