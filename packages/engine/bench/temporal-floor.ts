// What Temporal itself costs per workflow on this machine: starts a dev server the way devstack does
// (SQLite file), a worker process serving two trivial workflows, and runs N of each from this process.
// Prints CPU ms per workflow for the server, the worker and the starting client (read from /proc), which
// is the floor under any flow run's CPU cost.
//   pnpm --filter @conduit/engine exec tsx bench/temporal-floor.ts [--runs=300] [--concurrency=10] [--port=5790] [--memory]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RUNS = Number(arg('runs', '300'));
const CONCURRENCY = Number(arg('concurrency', '10'));
const PORT = Number(arg('port', '5790'));
/** --memory: the dev server's in-memory SQLite instead of a file (devstack uses a file, so runs survive restarts). */
const MEMORY = process.argv.includes('--memory');
const address = `127.0.0.1:${PORT}`;

/** CPU time (user + system) of a process in ms, from /proc/<pid>/stat (clock ticks are 1/100 s). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function waitFor(child: ChildProcess, text: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const onData = (b: Buffer) => {
      log += b.toString();
      if (log.includes(text)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}):\n${log.slice(-2000)}`)));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'conduit-floor-'));
const server = spawn('temporal', ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(PORT), ...(MEMORY ? [] : ['--db-filename', join(dir, 'temporal.db')]), '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'pipe'] });
server.once('error', (e) => console.error(e));
let worker: ChildProcess | undefined;
try {
  let connection: Connection | undefined;
  for (let i = 0; !connection; i++) {
    connection = await Connection.connect({ address, connectTimeout: 1000 }).catch(async (e: unknown) => {
      if (i > 60) throw e;
      await new Promise((r) => setTimeout(r, 500));
      return undefined;
    });
  }
  const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
  worker = spawn(tsx, [fileURLToPath(new URL('./floor-worker.ts', import.meta.url))], { env: { ...process.env, FLOOR_TEMPORAL: address }, stdio: ['ignore', 'pipe', 'pipe'] });
  await waitFor(worker, 'floor worker ready', 'the floor worker');
  // tsx runs the worker as a child of its own process; the Temporal worker is the newest descendant.
  const workerPids = () => {
    const pids = [worker!.pid!];
    for (const p of readFileSync(`/proc/${worker!.pid}/task/${worker!.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) pids.push(Number(p));
    return pids;
  };
  const client = new Client({ connection });
  let seq = 0;

  async function scenario(workflow: 'empty' | 'threeLocal', runs: number) {
    const latencies: number[] = [];
    const before = { server: cpuMs(server.pid!), worker: workerPids().reduce((a, p) => a + cpuMs(p), 0), client: ownCpuMs() };
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
    const per = (ms: number) => (ms / runs).toFixed(2);
    const after = { server: cpuMs(server.pid!), worker: workerPids().reduce((a, p) => a + cpuMs(p), 0), client: ownCpuMs() };
    latencies.sort((a, b) => a - b);
    return {
      workflow,
      runs,
      'runs/s': (runs / seconds).toFixed(1),
      'p50 ms': latencies[Math.floor(runs / 2)]!.toFixed(1),
      'server CPU ms/wf': per(after.server - before.server),
      'worker CPU ms/wf': per(after.worker - before.worker),
      'client CPU ms/wf': per(after.client - before.client),
      'sum ms/wf': per(after.server - before.server + after.worker - before.worker + after.client - before.client),
    };
  }

  await scenario('empty', 50); // warm-up: JIT, connection pools, the server's caches
  await scenario('threeLocal', 50);
  const rows = [await scenario('empty', RUNS), await scenario('threeLocal', RUNS)];
  console.log(`Temporal floor, ${RUNS} workflows per row at concurrency ${CONCURRENCY}, dev server on SQLite ${MEMORY ? 'in memory' : 'file'} (${new Date().toISOString()})`);
  console.table(rows);
  await connection.close();
} finally {
  worker?.kill('SIGTERM');
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dir, { recursive: true, force: true });
}
