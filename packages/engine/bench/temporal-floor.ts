// What Temporal itself costs per workflow on this machine: starts a dev server the way devstack does
// (SQLite file; --memory for in-memory SQLite), a worker process serving two trivial workflows, and runs N
// of each from this process. Prints CPU ms per workflow for the server, the worker and the starting client,
// which is the floor under any flow run's CPU cost.
//   pnpm --filter @conduit/engine exec tsx bench/temporal-floor.ts [--runs=300] [--concurrency=10] [--port=5790] [--memory] [--server-args=--a,b,--c,d]
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { ownCpuMs, pct, startDevServer, startUntil, treeCpuMs } from './procs';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const RUNS = Number(arg('runs', '300'));
const CONCURRENCY = Number(arg('concurrency', '10'));
const MEMORY = process.argv.includes('--memory');

// --server-args: extra dev-server arguments, comma-separated (e.g. --sqlite-pragma,synchronous=OFF).
const SERVER_ARGS = arg('server-args', '').split(',').filter(Boolean);
const server = await startDevServer({ port: Number(arg('port', '5790')), memory: MEMORY, extraArgs: SERVER_ARGS });
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const worker = await startUntil(tsx, [fileURLToPath(new URL('./floor-worker.ts', import.meta.url))], { FLOOR_TEMPORAL: server.address }, 'floor worker ready');
try {
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  let seq = 0;

  async function scenario(workflow: 'empty' | 'threeLocal', runs: number) {
    const latencies: number[] = [];
    const cpu = () => ({ server: treeCpuMs(server.pid), worker: treeCpuMs(worker.pid!), client: ownCpuMs() });
    const before = cpu();
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < runs) {
          next += 1;
          const t = performance.now();
          await client.workflow.execute(workflow, { taskQueue: 'floor', workflowId: `floor-${process.pid}-${++seq}`, args: workflow === 'empty' ? [] : ['x'] });
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const after = cpu();
    const per = (k: keyof typeof after) => (after[k] - before[k]) / runs;
    return {
      workflow,
      runs,
      'runs/s': (runs / seconds).toFixed(1),
      'p50 ms': pct(latencies, 50).toFixed(1),
      'server CPU ms/wf': per('server').toFixed(2),
      'worker CPU ms/wf': per('worker').toFixed(2),
      'client CPU ms/wf': per('client').toFixed(2),
      'sum ms/wf': (per('server') + per('worker') + per('client')).toFixed(2),
    };
  }

  await scenario('empty', 50); // warm-up: JIT, connection pools, the server's caches
  await scenario('threeLocal', 50);
  const rows = [await scenario('empty', RUNS), await scenario('threeLocal', RUNS)];
  console.log(`Temporal floor, ${RUNS} workflows per row at concurrency ${CONCURRENCY}, dev server on SQLite ${MEMORY ? 'in memory' : 'file'}${SERVER_ARGS.length ? ` ${SERVER_ARGS.join(' ')}` : ''} (${new Date().toISOString()})`);
  console.table(rows);
  await connection.close();
} finally {
  worker.kill('SIGTERM');
  await server.stop();
}
