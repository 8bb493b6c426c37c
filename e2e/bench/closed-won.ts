// End-to-end benchmark of the minimal Closed-Won → Sales Order flow on the whole local stack:
// webhook ingress → Temporal → worker → Sage 100 gateway (emulator) → write-back to the Streak sandbox.
// Prints throughput, webhook-to-finish latency, ingress latency, CPU per run and worker memory.
//   pnpm bench:e2e [--runs 400] [--concurrency 1,10,50]
import { describeConnector } from '@conduit/connector-kit';
import { createDb, createSecretBox } from '@conduit/db';
import { CONNECTORS } from '@conduit/engine';
import { catalogFromDescriptions, compileFlow, type FlowGraph, hashFlow } from '@conduit/flow';
import { DEMO_API_KEY, demoSeed } from '@conduit/streak-sandbox';
import { readFileSync } from 'node:fs';
import { closedWonGraph } from '@conduit/engine/test-flows';
import { stackProcesses, startStack, TICKS_PER_SECOND } from './stack';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RUNS = Number(arg('runs', '300'));
const LEVELS = arg('concurrency', '1,10,50').split(',').map(Number);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const PARTS: Array<[string, RegExp]> = [['designer', /next-server|next start|next\/dist/], ['worker', /apps\/worker/], ['temporal', /temporal server/], ['sandbox', /streak-sandbox/], ['gateway', /sage100-gateway/], ['postgres', /^postgres/]];
function cpuByPart(procs: Array<{ cmd: string; cpuTicks: number }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of procs) {
    const part = PARTS.find(([, re]) => re.test(p.cmd))?.[0] ?? 'other';
    out[part] = (out[part] ?? 0) + p.cpuTicks;
  }
  return out;
}

function fail(message: string): never {
  throw new Error(message);
}
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');

const stack = await startStack({ portBase: 3600, database: 'conduit_bench' });
const db = createDb({ databaseUrl: stack.databaseUrl, maxConnections: 4 });
try {
  const localEnv = readFileSync(`${stack.dataDir}/local.env`, 'utf8');
  const secrets = createSecretBox(/CONDUIT_SECRET_KEYS=(.*)/.exec(localEnv)?.[1] ?? '');
  const env = await db.environment.findFirstOrThrow({ where: { key: 'dev' } });
  const token = secrets.decrypt(env.webhookSecretEnc);
  const catalog = catalogFromDescriptions(CONNECTORS.map((c) => describeConnector(c)));
  const seed = demoSeed();

  async function deploy(graph: FlowGraph): Promise<string> {
    const compiled = compileFlow(graph, catalog);
    if (!compiled.ok) throw new Error(`bench flow does not compile: ${JSON.stringify(compiled.problems)}`);
    await db.deployment.updateMany({ data: { active: false } });
    const flow = await db.flow.create({ data: { workspaceId: env.workspaceId, name: `bench ${graph.nodes.length} nodes`, draft: graph as object } });
    const version = await db.flowVersion.create({ data: { flowId: flow.id, number: 1, graph: graph as object, plan: compiled.plan as object, contentHash: hashFlow(graph) } });
    await db.deployment.create({ data: { environmentId: env.id, flowId: flow.id, flowVersionId: version.id } });
    await new Promise((r) => setTimeout(r, 2_100)); // the ingress caches deployments for 2 s
    return flow.id;
  }

  const boxes = (await fetch(`${stack.sandbox}/api/v1/pipelines/${seed.pipelineKey}/boxes`, { headers: { authorization: `Bearer ${DEMO_API_KEY}` } }).then((r) => r.json())) as Array<{ key: string; fields: Record<string, unknown> }>;
  const fieldKey = (name: string) => seed.fields[name] ?? fail(`the demo pipeline has no field "${name}"`);
  const fields = { po: fieldKey('PO reference'), products: fieldKey('Products'), orderNo: fieldKey('Sage sales order no') };
  const graph = (extraMaps: number) => closedWonGraph({ pipelineKey: seed.pipelineKey, customerKey: '01-ACMEIND', fields, extraMaps });
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

  async function level(concurrency: number, runs: number) {
    const results: Array<{ ingressMs: number; runMs: number }> = [];
    const cpuBefore = cpuByPart(stackProcesses(stack.pid));
    let workerRssPeak = 0;
    const sampler = setInterval(() => {
      const w = stackProcesses(stack.pid).filter((p) => p.cmd.includes('apps/worker/src/main.ts'));
      workerRssPeak = Math.max(workerRssPeak, ...w.map((p) => p.rssKb));
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
      runs: results.length,
      runsPerSec: results.length / seconds,
      p50: pct(results.map((r) => r.runMs), 50),
      p95: pct(results.map((r) => r.runMs), 95),
      p99: pct(results.map((r) => r.runMs), 99),
      ingressP50: pct(results.map((r) => r.ingressMs), 50),
      cpuMsPerRun: Object.values(parts).reduce((a, b) => a + b, 0),
      parts,
      workerRssMb: workerRssPeak / 1024,
    };
  }

  await deploy(graph(0));
  await level(4, 40); // warm-up: worker bundle caches, connection pools, JIT
  const table = [];
  for (const c of LEVELS) table.push(await level(c, c === 1 ? Math.min(RUNS, 150) : RUNS));

  // Orchestration overhead of pure nodes: the same flow with 10 more map steps, at concurrency 1.
  await deploy(graph(10));
  await level(1, 20);
  const withMaps = await level(1, 100);
  const base = table.find((t) => t.concurrency === 1);

  console.log(`\nClosed-Won → Sales Order, whole local stack (${new Date().toISOString()})`);
  console.log('concurrency  runs  runs/s  p50 ms  p95 ms  p99 ms  ingress p50 ms  CPU ms/run  worker RSS MB');
  for (const t of table) console.log(`${String(t.concurrency).padStart(11)}  ${String(t.runs).padStart(4)}  ${fmt(t.runsPerSec).padStart(6)}  ${fmt(t.p50).padStart(6)}  ${fmt(t.p95).padStart(6)}  ${fmt(t.p99).padStart(6)}  ${fmt(t.ingressP50).padStart(14)}  ${fmt(t.cpuMsPerRun).padStart(10)}  ${fmt(t.workerRssMb).padStart(13)}`);
  for (const t of table) console.log(`CPU ms/run by part at concurrency ${t.concurrency}: ${Object.entries(t.parts).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
  if (base) console.log(`pure map node overhead: ${fmt((withMaps.p50 - base.p50) / 10)} ms per node (p50 ${fmt(withMaps.p50)} ms with 10 extra maps vs ${fmt(base.p50)} ms)`);
  clearInterval(poller);
} finally {
  await db.$disconnect();
  await stack.stop();
}
