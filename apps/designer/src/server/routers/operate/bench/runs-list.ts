// Prints how long the runs list takes over 100k runs: first page, a page deep into history (keyset),
// a box-key search and a filtered page. Run: pnpm --filter @conduit/designer exec tsx src/server/routers/operate/bench/runs-list.ts
// (DATABASE_URL pointing at any database of the server; a scratch database is created and dropped).
import { createDb } from '@conduit/db';
import { createEmptyDatabase, migrate } from '@conduit/db/tools';
import { encodeCursor, runWhere, type RunFilter } from '../runs-query';

const RUNS = 100_000;
const base = process.env.DATABASE_URL ?? 'postgresql://conduit:conduit@127.0.0.1:5432/postgres';
const scratch = await createEmptyDatabase(base);
await migrate({ databaseUrl: scratch.url });
const db = createDb({ databaseUrl: scratch.url, maxConnections: 2 });
try {
  const ws = await db.workspace.create({ data: { name: 'Bench', slug: 'bench' } });
  const env = await db.environment.create({
    data: {
      workspaceId: ws.id,
      key: 'prod',
      name: 'Prod',
      taskQueue: 'q',
      webhookSecretEnc: 'x',
      webhookEndpointId: 'bench',
    },
  });
  const flow = await db.flow.create({
    data: { workspaceId: ws.id, name: 'Closed-Won → Sales Order', draft: {} },
  });
  const version = await db.flowVersion.create({
    data: { flowId: flow.id, number: 1, graph: {}, plan: {}, contentHash: 'h' },
  });
  await db.$executeRawUnsafe(`
    INSERT INTO run (id, environment_id, flow_id, flow_version_id, workflow_id, event_key, trigger_kind, status, search_keys, started_at, duration_ms)
    SELECT gen_random_uuid(), '${env.id}', '${flow.id}', '${version.id}', 'wf-' || g, 'ev-' || g, 'webhook',
           (ARRAY['succeeded','succeeded','succeeded','failed','dead_lettered','waiting'])[1 + g % 6]::"RunStatus",
           ARRAY['BOX-' || g, '00' || (100000 + g)], now() - (g || ' seconds')::interval, 500 + g % 3000
    FROM generate_series(1, ${RUNS}) g`);
  await db.$executeRawUnsafe('ANALYZE run');

  const page = async (filter: RunFilter, cursor?: string) =>
    db.run.findMany({
      where: runWhere(ws.id, filter, cursor),
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      take: 51,
      select: { id: true, startedAt: true, status: true },
    });
  const time = async (label: string, fn: () => Promise<unknown>) => {
    await fn();
    const n = 20;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await fn();
    console.log(`${label.padEnd(44)} ${((performance.now() - t0) / n).toFixed(1)} ms`);
  };
  const deep = await db.run.findFirstOrThrow({
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    skip: 90_000,
  });
  console.log(`runs list over ${RUNS.toLocaleString('en-US')} runs (mean of 20, page of 50):`);
  await time('first page', () => page({}));
  await time('page after 90,000 runs (keyset cursor)', () => page({}, encodeCursor(deep)));
  await time('search by box key BOX-73210', () => page({ search: 'BOX-73210' }));
  await time('status = dead_lettered, first page', () => page({ status: ['dead_lettered'] }));
  await time('status = dead_lettered, after 90,000 runs', () =>
    page({ status: ['dead_lettered'] }, encodeCursor(deep)),
  );
} finally {
  await db.$disconnect();
  await scratch.drop();
}
