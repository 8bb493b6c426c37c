// Webhook ingress on its own: latency of POST /api/hooks/streak/<env>/<endpoint> and the designer's CPU per
// request, for fresh events (recorded + a run started), duplicates (answered from the event table) and wrong
// tokens (refused from the cached environment: what the Next.js route and its span cost with no work behind).
// The stack's worker serves no dev task queue, so the runs stay queued and the worker spends no CPU on them.
// Besides closed loops (each client posts again as soon as it is answered, so at concurrency 1 a request meets
// the work its predecessor left behind), one level posts one request every --gap ms, as deliveries arrive.
//   pnpm --filter @conduit/e2e exec tsx bench/ingress.ts [--requests=300] [--concurrency=1,10] [--gap=50] [--port-base=5640] [--db=conduit_bench_ingress]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { createDb } from '@conduit/db';
import { stackSetup } from './deploy';
import { DESIGNER_PROCESS, percentile, stackProcesses, startStack, TICKS_PER_SECOND } from './stack';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const REQUESTS = Number(arg('requests', '300'));
const LEVELS = arg('concurrency', '1,10').split(',').map(Number);
const GAP_MS = Number(arg('gap', '50'));
const KINDS = ['accepted', 'duplicate', 'wrong token'] as const;
type Kind = (typeof KINDS)[number];

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');
const designerTicks = (root: number) => stackProcesses(root).filter((p) => DESIGNER_PROCESS.test(p.cmd)).reduce((n, p) => n + p.cpuTicks, 0);

const stack = await startStack({ portBase: Number(arg('port-base', '5640')), database: arg('db', 'conduit_bench_ingress'), env: { CONDUIT_ENVIRONMENTS: 'prod' } });
const db = createDb({ databaseUrl: stack.databaseUrl, maxConnections: 2 });
try {
  const setup = await stackSetup(db, stack.secretKeys);
  const flowId = await setup.deploy(setup.closedWon(0));
  const url = `${stack.designer}/api/hooks/streak/dev/${setup.env.webhookEndpointId}?event=BOX_CHANGE_STAGE`;
  const box = { key: 'bench-box', boxKey: 'bench-box', pipelineKey: setup.seed.pipelineKey, stageKey: setup.seed.stages['Closed-Won'], name: 'Bench deal', fields: {} };
  let seq = Date.now();
  let accepted = 0;

  async function post(kind: Kind, ts: number): Promise<number> {
    const token = kind === 'wrong token' ? `${setup.webhookToken}-wrong` : setup.webhookToken;
    const t0 = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-streak-webhook-token': token }, body: JSON.stringify([{ ...box, lastUpdatedTimestamp: ts }]) });
    const ms = performance.now() - t0;
    const body = (await res.json()) as { events?: number; duplicates?: number };
    const expected = kind === 'wrong token' ? res.status === 401 : res.status === 200 && (kind === 'accepted' ? body.events === 1 : body.duplicates === 1);
    if (!expected) throw new Error(`${kind}: ingress answered ${res.status} ${JSON.stringify(body)}`);
    if (kind === 'accepted') accepted += 1;
    return ms;
  }

  /** Every accepted event's workflow exists in Temporal (started before or after the answer). */
  async function allStarted(): Promise<void> {
    const query = `WorkflowId STARTS_WITH "run:dev:${flowId}:"`;
    for (let tries = 0; tries < 300; tries++) {
      const out = execFileSync('temporal', ['workflow', 'count', '--address', stack.temporalAddress, '--query', query, '--output', 'json'], { encoding: 'utf8' });
      if (Number((JSON.parse(out) as { count?: string | number }).count ?? 0) >= accepted) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`fewer than ${accepted} workflows started after 60 s`);
  }

  /** `gapMs`: one client that starts a request every gapMs (or when the previous one is answered, if later). */
  async function level(kind: Kind, concurrency: number, requests: number, gapMs = 0) {
    // Duplicates repeat events accepted just before, outside the measurement.
    const stamps = Array.from({ length: requests }, () => ++seq);
    if (kind === 'duplicate') for (const ts of stamps) await post('accepted', ts);
    if (kind === 'duplicate') await allStarted();
    const cpu0 = designerTicks(stack.pid);
    const times: number[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const wait = t0 + next * gapMs - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        times.push(await post(kind, stamps[next++]!));
      }
    }));
    if (kind === 'accepted') await allStarted();
    const cpuMs = (((designerTicks(stack.pid) - cpu0) / TICKS_PER_SECOND) * 1000) / requests;
    return { kind, concurrency: gapMs ? `1, every ${gapMs} ms` : String(concurrency), requests, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), cpuMs };
  }

  for (const kind of KINDS) await level(kind, 4, 40); // warm-up: JIT, connection pools, caches
  const rows = [];
  if (GAP_MS) for (const kind of KINDS) rows.push(await level(kind, 1, REQUESTS, GAP_MS));
  for (const c of LEVELS) for (const kind of KINDS) rows.push(await level(kind, c, REQUESTS));

  console.log(`\nWebhook ingress (${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  console.log('request      concurrency        requests  p50 ms  p95 ms  p99 ms  designer CPU ms/request');
  for (const r of rows) console.log(`${r.kind.padEnd(11)}  ${r.concurrency.padEnd(17)}  ${String(r.requests).padStart(8)}  ${fmt(r.p50).padStart(6)}  ${fmt(r.p95).padStart(6)}  ${fmt(r.p99).padStart(6)}  ${fmt(r.cpuMs).padStart(23)}`);
} finally {
  await db.$disconnect();
  await stack.stop();
}
