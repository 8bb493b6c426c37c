# Conduit worker image. Build from the repository root:
#   docker build -f docs/deploy/worker.Dockerfile -t conduit-worker .
# Stage `build` holds the whole workspace (compose runs migrations from it); the runtime stage holds only
# what `pnpm deploy` selects for @conduit/worker. Everything runs from TypeScript source under tsx.

FROM node:20-bookworm-slim AS build
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=1
RUN corepack enable
WORKDIR /repo
# Dependencies first, so source edits reuse the cached install layer.
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY apps/designer/package.json apps/designer/
COPY apps/worker/package.json apps/worker/
COPY apps/sage100-gateway/package.json apps/sage100-gateway/
COPY apps/streak-sandbox/package.json apps/streak-sandbox/
COPY packages packages
COPY e2e/package.json e2e/
RUN pnpm install --frozen-lockfile
COPY . .
# The Prisma client is generated, not committed.
RUN pnpm db:generate
RUN pnpm --filter @conduit/worker deploy --prod /out

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
RUN npm install -g tsx@4 && groupadd --system conduit && useradd --system --gid conduit conduit
WORKDIR /app
COPY --from=build --chown=conduit:conduit /out ./
# Files the deploy step leaves out: the generated Prisma client (git-ignored source of @conduit/db).
COPY --from=build --chown=conduit:conduit /repo/packages/db/src/generated ./node_modules/@conduit/db/src/generated
USER conduit
# Worker /metrics (set WORKER_METRICS_HOST=0.0.0.0 and METRICS_TOKEN to scrape it from another container).
EXPOSE 9464
STOPSIGNAL SIGTERM
CMD ["tsx", "src/main.ts"]
