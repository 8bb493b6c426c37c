// Benchmark: sales orders (3 lines each) created through the gateway's HTTP API over loopback, on the
// emulator with persistence on. Prints orders/second. Usage: pnpm --filter @conduit/sage100-gateway bench [orders] [concurrency]
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const total = Number(process.argv[2] ?? 3000);
const concurrency = Number(process.argv[3] ?? 16);
const dir = mkdtempSync(join(tmpdir(), 'sage100-bench-'));
const server = fork(new URL('./serve.ts', import.meta.url), [join(dir, 'emulator.json')]);
const gw = await new Promise<{ url: string; token: string; customers: [string, string][]; items: string[] }>((resolve) => server.once('message', (m) => resolve(m as never)));
const { customers, items } = gw;

async function create(n: number): Promise<void> {
  const [div, no] = customers[n % customers.length] ?? ['01', 'ACMEIND'];
  const lines = [0, 1, 2].map((k) => ({ itemCode: items[(n * 3 + k) % items.length], quantityOrdered: 1 + ((n + k) % 5) }));
  const res = await fetch(`${gw.url}/v1/companies/ABC/sales-orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ arDivisionNo: div, customerNo: no, externalId: `bench-${n}`, customerPONo: `B${n}`, lines }),
  });
  if (res.status !== 201) throw new Error(`order ${n}: HTTP ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}

async function run(count: number, offset: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await create(offset + next++);
    }),
  );
  return performance.now() - started;
}

await run(200, 1_000_000); // warm-up: JIT, connection pool
server.send('mark');
const ms = await run(total, 0);
const perSecond = (total / ms) * 1000;
server.send('stop');
const cpu = await new Promise<NodeJS.CpuUsage>((resolve) => server.once('message', (m) => resolve(m as NodeJS.CpuUsage)));
await new Promise((resolve) => server.once('exit', resolve));
// CPU per order in the gateway process is the load-independent figure; wall-clock rate depends on what else runs.
const cpuPerOrder = (cpu.user + cpu.system) / 1000 / total;
console.log(`sage100-gateway bench: ${total} sales orders x 3 lines, concurrency ${concurrency}, ${(ms / 1000).toFixed(2)} s → ${perSecond.toFixed(0)} orders/s (${((ms / total) * concurrency).toFixed(2)} ms mean latency); gateway CPU ${cpuPerOrder.toFixed(2)} ms/order ≈ ${(1000 / cpuPerOrder).toFixed(0)} orders/s per free core`);
rmSync(dir, { recursive: true, force: true });
