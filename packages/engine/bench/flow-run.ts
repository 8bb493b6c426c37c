// The Closed-Won → Sales Order flow through the production worker process, without the designer: this
// process records and starts runs (as the ingress does) against a Temporal dev server started as devstack
// starts it, with the Streak sandbox and the Sage 100 gateway in-process. Prints throughput, latency, CPU
// per run of the worker, the Temporal server and this process, and the worker's peak RSS.
//   pnpm --filter @conduit/engine exec tsx bench/flow-run.ts [--runs=200] [--concurrency=1,10] [--port=5795] [--environments=dev,qa,prod] [--cpu-prof=<dir>] [--node-flags=--a,--b]
import { fileURLToPath } from 'node:url';
import { generateSecretKey } from '@conduit/db';
import { demoSeed } from '@conduit/streak-sandbox';
import { closedWonGraph } from '../src/test/flows';
import { createHarness } from '../src/test/harness';
import { ownCpuMs, pct, startDevServer, startUntil, treeCpuMs, treeMaxRssMb } from './procs';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const RUNS = Number(arg('runs', '200'));
const LEVELS = arg('concurrency', '1,10').split(',').map(Number);
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://conduit:conduit@127.0.0.1:5432/conduit';

const server = await startDevServer({ port: Number(arg('port', '5795')) });
const secretKey = generateSecretKey();
const h = await createHarness({ databaseUrl, temporalTestServerPath: '', external: { temporalAddress: server.address, taskQueue: 'conduit-dev' }, secretKey }).catch(async (e: unknown) => {
  await server.stop();
  throw e;
});
// --cpu-prof=<dir>: a V8 CPU profile of the worker, written when it stops.
const profileDir = arg('cpu-prof', '');
const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
const main = fileURLToPath(new URL('../../../apps/worker/src/main.ts', import.meta.url));
// --node-flags: extra Node/V8 flags for the worker process, e.g. heap sizing experiments.
const nodeFlags = arg('node-flags', '').split(',').filter(Boolean);
let worker: Awaited<ReturnType<typeof startUntil>> | undefined;
try {
  worker = await startUntil(process.execPath, [...profile, ...nodeFlags, '--import', 'tsx', main], { DATABASE_URL: h.databaseUrl, CONDUIT_SECRET_KEYS: secretKey, TEMPORAL_ADDRESS: server.address, CONDUIT_ENVIRONMENTS: arg('environments', 'dev,qa,prod') }, 'worker ready');
  const seed = demoSeed();
  const fields = { po: seed.fields['PO reference']!, products: seed.fields['Products']!, orderNo: seed.fields['Sage sales order no']! };
  const flow = await h.deploy(closedWonGraph({ pipelineKey: seed.pipelineKey, customerKey: '01-ACMEIND', fields, extraMaps: 0 }));
  const boxes = (await fetch(`${h.sandbox.url}/api/v1/pipelines/${seed.pipelineKey}/boxes`, { headers: { authorization: `Bearer ${h.sandbox.apiKey}` } }).then((r) => r.json())) as Array<{ key: string }>;
  let seq = 0;

  async function oneRun(): Promise<number> {
    const n = ++seq;
    const key = boxes[n % boxes.length]!.key;
    const payload = { key, pipelineKey: seed.pipelineKey, fields: { [fields.po]: `PO${n}`, [fields.products]: 'ELEC-1001 x 1\nELEC-1002 x 2\nELEC-1004 x 3' } };
    const t0 = performance.now();
    const { workflowId } = await h.start(flow, { kind: 'webhook', eventKey: `bench-${process.pid}-${n}`, payload });
    const outcome = await h.result(workflowId);
    if (outcome.status !== 'succeeded') throw new Error(`run ${n} ended ${outcome.status}: ${outcome.error}`);
    return performance.now() - t0;
  }

  async function level(concurrency: number, runs: number) {
    const cpu = () => ({ worker: treeCpuMs(worker!.pid!), temporal: treeCpuMs(server.pid), bench: ownCpuMs() });
    let rss = 0;
    const sampler = setInterval(() => (rss = Math.max(rss, treeMaxRssMb(worker!.pid!))), 250);
    const before = cpu();
    const latencies: number[] = [];
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < runs) {
          next += 1;
          latencies.push(await oneRun());
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const after = cpu();
    const per = (k: keyof typeof after) => ((after[k] - before[k]) / runs).toFixed(1);
    return { concurrency, runs, 'runs/s': (runs / seconds).toFixed(1), 'p50 ms': pct(latencies, 50).toFixed(1), 'p99 ms': pct(latencies, 99).toFixed(1), 'worker CPU ms/run': per('worker'), 'Temporal CPU ms/run': per('temporal'), 'bench process CPU ms/run': per('bench'), 'worker RSS MB': rss.toFixed(0) };
  }

  console.log(`worker RSS after start: ${treeMaxRssMb(worker!.pid!).toFixed(0)} MB`);
  await level(4, 40); // warm-up: JIT, connection pools, the prepared plan
  const rows = [];
  for (const c of LEVELS) rows.push(await level(c, RUNS));
  console.log(`Closed-Won flow through the worker process, dev server on a SQLite file (${new Date().toISOString()}); the bench process holds the sandbox, the gateway and the run starter`);
  console.table(rows);
} finally {
  if (worker?.exitCode === null) await new Promise((resolve) => (worker!.once('exit', resolve), worker!.kill('SIGTERM')));
  await h.close();
  await server.stop();
}
