// Prints the guarded client's overhead against a local server (no rate limit): requests/s and latency.
// Run: pnpm --filter @conduit/connector-kit exec tsx src/bench.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient } from './http/client';

const N = 2000;
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const client = createHttpClient({ baseUrl: url, connector: 'Bench', allowPrivateHost: true, rateLimit: false, headers: { authorization: 'Bearer bench-secret' } });

async function measure(label: string, concurrency: number): Promise<void> {
  const times: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < N) {
      next++;
      const t0 = performance.now();
      await client.json({ path: '/x', query: { a: 1 } });
      times.push(performance.now() - t0);
    }
  }));
  const total = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times[Math.floor(times.length * p)] ?? 0).toFixed(2);
  console.log(`${label}: ${N} GETs in ${total.toFixed(2)} s = ${Math.round(N / total)} req/s; p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms`);
}

await measure('guarded client, 1 at a time', 1);
await measure('guarded client, 8 concurrent', 8);
await client.close();
server.close();
