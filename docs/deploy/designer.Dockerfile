# Conduit designer image (Next.js). Build from the repository root:
#   docker build -f docs/deploy/designer.Dockerfile -t conduit-designer .
# The build stage compiles the app (workspace packages are transpiled into .next); the runtime stage
# holds `pnpm deploy` output for @conduit/designer plus the build.

FROM node:20-bookworm-slim AS build
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=1 NEXT_TELEMETRY_DISABLED=1
RUN corepack enable
WORKDIR /repo
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY apps/designer/package.json apps/designer/
COPY apps/worker/package.json apps/worker/
COPY apps/sage100-gateway/package.json apps/sage100-gateway/
COPY apps/streak-sandbox/package.json apps/streak-sandbox/
COPY packages packages
COPY e2e/package.json e2e/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm db:generate
RUN pnpm --filter @conduit/designer build
RUN pnpm --filter @conduit/designer deploy --prod /out && cp -r apps/designer/.next /out/.next

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
RUN groupadd --system conduit && useradd --system --gid conduit conduit
WORKDIR /app
COPY --from=build --chown=conduit:conduit /out ./
USER conduit
EXPOSE 3000
CMD ["node_modules/.bin/next", "start", "-H", "0.0.0.0", "-p", "3000"]
