// Loopback throughput: starts the sandbox as its own process (with a data file, so persistence is
// included), then drives it with keep-alive fetch from this process for ~10 s and prints two figures:
// simple GETs per second and box updates per second, each with the server's CPU time per request.
// Run: pnpm --filter @conduit/streak-sandbox bench
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_API_KEY, demoSeed } from '../src/index';

const CONCURRENCY = 32;
const PHASE_MS = 5_000;
const WARMUP_MS = 1_000;
/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat on Linux. */
const CLOCK_TICKS = 100;
const appDir = fileURLToPath(new URL('..', import.meta.url));
const headers = {
  authorization: `Basic ${Buffer.from(`${DEMO_API_KEY}:`).toString('base64')}`,
  'content-type': 'application/json',
};

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

async function startServer(port: number, dataFile: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: appDir,
    env: { ...process.env, STREAK_SANDBOX_PORT: String(port), STREAK_SANDBOX_DATA_FILE: dataFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready on') && resolve());
    child.once('exit', (code) => reject(new Error(`sandbox exited early with code ${code}`)));
  });
  return child;
}

/** CPU seconds (user + system) the server process has used so far, from /proc (Linux). */
function serverCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

interface Result {
  perSecond: number;
  /** Server CPU time per request, so the figure means something on a busy shared machine. */
  cpuMicros: number;
}

/** Run `op` from CONCURRENCY loops for `ms`. */
async function measure(ms: number, op: (i: number) => Promise<Response>, pid: number): Promise<Result> {
  const cpuBefore = serverCpuSeconds(pid);
  const until = Date.now() + ms;
  let done = 0;
  let failed = 0;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = worker; Date.now() < until; i += CONCURRENCY) {
        const res = await op(i);
        await res.arrayBuffer();
        if (res.status === 200) done++;
        else failed++;
      }
    }),
  );
  if (failed > 0) throw new Error(`${failed} requests failed`);
  const cpu = serverCpuSeconds(pid) - cpuBefore;
  return { perSecond: done / ((Date.now() - start) / 1000), cpuMicros: (cpu / done) * 1e6 };
}

const report = (label: string, r: Result): string =>
  `${label}: ${Math.round(r.perSecond)}/s measured; server CPU ${Math.round(r.cpuMicros)} µs each ` +
  `(≈ ${Math.round(1e6 / r.cpuMicros)}/s per fully available core)`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'streak-sandbox-bench-'));
  const port = await freePort();
  const child = await startServer(port, join(dir, 'state.json'));
  const api = `http://127.0.0.1:${port}/api`;
  try {
    const seed = demoSeed();
    const boxes = (await (
      await fetch(`${api}/v1/pipelines/${seed.pipelineKey}/boxes`, { headers })
    ).json()) as { key: string }[];
    const boxKey = (i: number): string => (boxes[i % boxes.length] as { key: string }).key;
    const get = (i: number) => fetch(`${api}/v1/boxes/${boxKey(i)}`, { headers });
    const update = (i: number) =>
      fetch(`${api}/v1/boxes/${boxKey(i)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          notes: `bench ${i}`,
          fields: { [seed.fields['Deal value'] as string]: String(i) },
        }),
      });
    const loadBefore = loadavg()[0] ?? 0;
    const pid = child.pid as number;
    await measure(WARMUP_MS, get, pid);
    const gets = await measure(PHASE_MS, get, pid);
    const updates = await measure(PHASE_MS, update, pid);
    // Other processes compete for the same cores; the load average puts the figures in context.
    console.log(
      `load average before the run: ${loadBefore.toFixed(1)} (${CONCURRENCY} keep-alive connections, ${PHASE_MS / 1000} s per phase)`,
    );
    console.log(report('GET  /api/v1/boxes/{key} (simple GET)', gets));
    console.log(report('POST /api/v1/boxes/{key} (box update, persisted)', updates));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
