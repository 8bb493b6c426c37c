// Loopback throughput: starts the sandbox as its own process (with a data file, so persistence is
// included), then drives it with keep-alive fetch from this process for ~10 s and prints two figures:
// simple GETs per second and box updates per second. Run: pnpm --filter @conduit/streak-sandbox bench
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_API_KEY, demoSeed } from '../src/index';

const CONCURRENCY = 32;
const PHASE_MS = 5_000;
const WARMUP_MS = 1_000;
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

/** Run `op` from CONCURRENCY loops for `ms`; returns completed requests per second. */
async function measure(ms: number, op: (i: number) => Promise<Response>): Promise<number> {
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
  return done / ((Date.now() - start) / 1000);
}

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
    await measure(WARMUP_MS, get);
    const gets = await measure(PHASE_MS, get);
    const updates = await measure(PHASE_MS, update);
    // Other processes compete for the same cores; the load average puts the figures in context.
    console.log(`load average before the run: ${loadBefore.toFixed(1)}`);
    console.log(
      `GET  /api/v1/boxes/{key}: ${Math.round(gets)} req/s (${CONCURRENCY} keep-alive connections, ${PHASE_MS / 1000}s)`,
    );
    console.log(
      `POST /api/v1/boxes/{key}: ${Math.round(updates)} updates/s (state persisted to a JSON snapshot)`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
