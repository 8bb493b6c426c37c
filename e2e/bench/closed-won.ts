// End-to-end benchmark of the minimal Closed-Won → Sales Order flow on the whole local stack:
// webhook ingress → Temporal → worker → Sage 100 gateway (emulator) → write-back to the Streak sandbox.
// Prints throughput, webhook-to-finish latency, ingress latency, CPU per run, worker and designer memory,
// the per-node cost of pure map steps, the mapping language's throughput and a bulk customer sync
// against the sandbox's 10 requests/s limit.
//   pnpm bench:e2e [--runs=300] [--concurrency=1,10,50] [--port-base=3600] [--db=conduit_bench]
//   pnpm bench:e2e --ci     a short run that proves every part works (used by `npm test`)
import { execFileSync } from 'node:child_process';
import { createDb } from '@conduit/db';
import { DEMO_API_KEY } from '@conduit/streak-sandbox';
import { benchCustomerSync } from './customer-sync';
import { stackSetup } from './deploy';
import { DESIGNER_PROCESS, percentile, repoRoot, stackProcesses, startStack, TICKS_PER_SECOND } from './stack';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const CI = process.argv.includes('--ci');
const RUNS = Number(arg('runs', CI ? '20' : '300'));
const LEVELS = arg('concurrency', CI ? '1,10' : '1,10,50').split(',').map(Number);
const EXTRA_MAPS = 10;

const PARTS: Array<[string, RegExp]> = [['designer', DESIGNER_PROCESS], ['worker', /apps\/worker/], ['temporal', /temporal server/], ['sandbox', /streak-sandbox/], ['gateway', /sage100-gateway/], ['postgres', /^postgres/]];
function cpuByPart(procs: Array<{ cmd: string; cpuTicks: number }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of procs) {
    const part = PARTS.find(([, re]) => re.test(p.cmd))?.[0] ?? 'other';
    out[part] = (out[part] ?? 0) + p.cpuTicks;
  }
  return out;
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');

const stack = await startStack({ portBase: Number(arg('port-base', CI ? '3780' : '3600')), database: arg('db', CI ? 'conduit_bench_ci' : 'conduit_bench') });
const db = createDb({ databaseUrl: stack.databaseUrl, maxConnections: 4 });
try {
  const setup = await stackSetup(db, stack.secretKeys);
  const { seed, fields, env } = setup;
  const token = setup.webhookToken;
  const deploy = setup.deploy;
  const graph = setup.closedWon;
  const boxes = (await fetch(`${stack.sandbox}/api/v1/pipelines/${seed.pipelineKey}/boxes`, { headers: { authorization: `Bearer ${DEMO_API_KEY}` } }).then((r) => r.json())) as Array<{ key: string; fields: Record<string, unknown> }>;
  let seq = Date.now();
  const hookUrl = `${stack.designer}/api/hooks/streak/dev/${env.webhookEndpointId}?event=BOX_CHANGE_STAGE`;

  async function oneRun(): Promise<{ ingressMs: number; runMs: number }> {
    const ts = ++seq;
    const box = boxes[ts % boxes.length]!;
    // The box as Streak delivers it after the stage change: its custom fields carry the PO and the products.
    const body = JSON.stringify([{ ...box, stageKey: seed.stages['Closed-Won'], lastUpdatedTimestamp: ts, fields: { ...box.fields, [fields.po]: `PO${ts % 1e10}`, [fields.products]: 'ELEC-1001 x 1\nELEC-1002 x 2\nELEC-1004 x 3' } }]);
    const t0 = performance.now();
    const res = await fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-streak-webhook-token': token }, body });
    const ingressMs = performance.now() - t0;
    if (res.status !== 200) throw new Error(`ingress answered ${res.status}: ${await res.text()}`);
    const eventKey = `BOX_CHANGE_STAGE:${box.key}:${ts}`;
    const run = await finished(eventKey);
    if (run.status !== 'succeeded') throw new Error(`run for ${eventKey} ended ${run.status}: ${run.error}`);
    return { ingressMs, runMs: performance.now() - t0 };
  }

  // One poller for every run in flight, so watching for completion costs the database one query per 5 ms
  // however many runs are in flight (a poll per run would make the benchmark its own bottleneck).
  const waiting = new Map<string, (r: { status: string; error: string | null }) => void>();
  const finished = (eventKey: string) => new Promise<{ status: string; error: string | null }>((resolve) => waiting.set(eventKey, resolve));
  const poller = setInterval(async () => {
    if (!waiting.size) return;
    const rows = await db.run.findMany({ where: { eventKey: { in: [...waiting.keys()] }, status: { notIn: ['queued', 'running', 'waiting'] } }, select: { eventKey: true, status: true, error: true } });
    for (const r of rows) {
      waiting.get(r.eventKey)?.(r);
      waiting.delete(r.eventKey);
    }
  }, 5);

  type Level = Awaited<ReturnType<typeof level>>;
  async function level(concurrency: number, runs: number) {
    const results: Array<{ ingressMs: number; runMs: number }> = [];
    const cpuBefore = cpuByPart(stackProcesses(stack.pid));
    let workerRssPeak = 0;
    let designerRssPeak = 0;
    const sampler = setInterval(() => {
      const procs = stackProcesses(stack.pid);
      workerRssPeak = Math.max(workerRssPeak, ...procs.filter((p) => p.cmd.includes('apps/worker/src/main.ts')).map((p) => p.rssKb));
      designerRssPeak = Math.max(designerRssPeak, ...procs.filter((p) => /next-server|next start|next\/dist/.test(p.cmd)).map((p) => p.rssKb));
    }, 250);
    const started = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < runs) {
        next += 1;
        results.push(await oneRun());
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const cpuAfter = cpuByPart(stackProcesses(stack.pid));
    const perRun = (ticks: number) => ((ticks / TICKS_PER_SECOND) * 1000) / results.length;
    const parts = Object.fromEntries(Object.entries(cpuAfter).map(([k, v]) => [k, perRun(v - (cpuBefore[k] ?? 0))]));
    return {
      concurrency,
      runMs: results.map((r) => r.runMs),
      runs: results.length,
      runsPerSec: results.length / seconds,
      p50: percentile(results.map((r) => r.runMs), 50),
      p95: percentile(results.map((r) => r.runMs), 95),
      p99: percentile(results.map((r) => r.runMs), 99),
      ingressP50: percentile(results.map((r) => r.ingressMs), 50),
      cpuMsPerRun: Object.values(parts).reduce((a, b) => a + b, 0),
      parts,
      workerRssMb: workerRssPeak / 1024,
      designerRssMb: designerRssPeak / 1024,
    };
  }

  await deploy(graph(0));
  await level(4, CI ? 8 : 40); // warm-up: worker bundle caches, connection pools, JIT
  const table = [];
  for (const c of LEVELS) table.push(await level(c, c === 1 ? Math.min(RUNS, 150) : RUNS));

  // Orchestration overhead of pure nodes: the flow with and without extra map steps at concurrency 1, in
  // alternating rounds so the machine's changing load falls on both alike.
  const variants = { base: [] as Level[], maps: [] as Level[] };
  for (let round = 0; round < (CI ? 1 : 4); round++) {
    for (const [name, extra] of [['base', 0], ['maps', EXTRA_MAPS]] as const) {
      await deploy(graph(extra));
      await level(1, 3);
      variants[name].push(await level(1, CI ? 8 : 25));
    }
  }
  const pooled = (ls: Level[]) => ({
    p50: percentile(ls.flatMap((l) => l.runMs), 50),
    cpu: ls.reduce((n, l) => n + l.cpuMsPerRun * l.runs, 0) / ls.reduce((n, l) => n + l.runs, 0),
    part: (k: string) => ls.reduce((n, l) => n + (l.parts[k] ?? 0) * l.runs, 0) / ls.reduce((n, l) => n + l.runs, 0),
  });
  const base = pooled(variants.base);
  const withMaps = pooled(variants.maps);
  const mapping = execFileSync(`${repoRoot}node_modules/.bin/tsx`, ['packages/mapping/bench/mapping.ts'], { cwd: repoRoot, encoding: 'utf8' });
  const sync = await benchCustomerSync({ sandbox: stack.sandbox, gateway: stack.gateway, concurrency: 4, ...(CI ? { limit: 15 } : {}) });

  console.log(`\nClosed-Won → Sales Order, whole local stack (${new Date().toISOString()})`);
  console.log('concurrency  runs  runs/s  p50 ms  p95 ms  p99 ms  ingress p50 ms  CPU ms/run  worker RSS MB  designer RSS MB');
  for (const t of table) console.log(`${String(t.concurrency).padStart(11)}  ${String(t.runs).padStart(4)}  ${fmt(t.runsPerSec).padStart(6)}  ${fmt(t.p50).padStart(6)}  ${fmt(t.p95).padStart(6)}  ${fmt(t.p99).padStart(6)}  ${fmt(t.ingressP50).padStart(14)}  ${fmt(t.cpuMsPerRun).padStart(10)}  ${fmt(t.workerRssMb).padStart(13)}  ${fmt(t.designerRssMb).padStart(15)}`);
  for (const t of table) console.log(`CPU ms/run by part at concurrency ${t.concurrency}: ${Object.entries(t.parts).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
  const perNode = (a: number, b: number) => fmt((a - b) / EXTRA_MAPS);
  console.log(`pure map node overhead (${variants.base.length} alternating rounds): ${perNode(withMaps.p50, base.p50)} ms per node (p50 ${fmt(withMaps.p50)} ms with ${EXTRA_MAPS} extra maps vs ${fmt(base.p50)} ms); CPU ${perNode(withMaps.cpu, base.cpu)} ms per node (${fmt(withMaps.cpu)} vs ${fmt(base.cpu)} ms/run; worker ${perNode(withMaps.part('worker'), base.part('worker'))}, Temporal ${perNode(withMaps.part('temporal'), base.part('temporal'))})`);
  console.log(`mapping language (packages/mapping/bench): ${mapping.trim().split('\n').slice(-2).join(' | ')}`);
  console.log(`bulk customer sync to Streak at 10 requests/s: ${sync.customers} customers in ${fmt(sync.seconds)} s = ${fmt((sync.customers / sync.seconds) * 60)} customers/min; ${sync.requests} requests (${fmt(sync.requests / sync.customers)} per customer), floor ${fmt(sync.floorSeconds)} s at 10/s (${fmt((sync.seconds / Math.max(sync.floorSeconds, 0.001)) * 100)}% of it), ${sync.rejected429} answered 429`);
  clearInterval(poller);
} finally {
  await db.$disconnect();
  await stack.stop();
}
