// Prints throughput and latency of the connector against an in-process gateway over the emulator:
// `pnpm --filter @conduit/connector-sage100 bench`. The first run has the connection's rate limit (20/s, what a
// deployment gets); the second has none, to show what the connector and gateway themselves cost.
import { type Connection, openConnection } from '@conduit/connector-kit';
import { DEMO_COMPANY, startGateway } from '@conduit/sage100-gateway';
import { sage100Http } from './auth';
import { type Sage100Auth, sage100Connector } from './index';

const gw = await startGateway({ port: 0, dataFile: null, seed: true });
const auth = { baseUrl: gw.url, token: gw.token, company: DEMO_COMPANY, allowPrivateHost: true };
const unlimited = { ...sage100Connector, http: (a: Sage100Auth) => ({ ...sage100Http(a), rateLimit: false as const }) };

async function measure(name: string, n: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<void> {
  const ms: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        await call(i);
        ms.push(performance.now() - t0);
      }
    }),
  );
  const total = (performance.now() - started) / 1000;
  ms.sort((a, b) => a - b);
  const pct = (p: number) => (ms[Math.min(ms.length - 1, Math.floor(ms.length * p))] ?? 0).toFixed(1);
  console.log(`${name.padEnd(34)} n=${String(n).padStart(4)} c=${concurrency}  ${(n / total).toFixed(1).padStart(6)} ops/s  p50 ${pct(0.5)} ms  p95 ${pct(0.95)} ms`);
}

async function suite(label: string, conn: Connection<Sage100Auth>): Promise<void> {
  console.log(`— ${label}`);
  const { items: customers } = (await conn.runAction('findCustomers', { status: 'A', limit: 40 })) as { items: { customerKey: string; creditHold: boolean }[] };
  const open = customers.filter((c) => !c.creditHold).map((c) => c.customerKey);
  const { items } = (await conn.runAction('findItems', { itemType: '1', limit: 20 })) as { items: { itemCode: string }[] };
  const lines = items.slice(0, 3).map((i) => ({ itemCode: i.itemCode, quantityOrdered: 1 }));

  await measure('getCustomer', 100, 1, (i) => conn.runAction('getCustomer', { customerKey: open[i % open.length] }));
  await measure('getCustomer', 100, 8, (i) => conn.runAction('getCustomer', { customerKey: open[i % open.length] }));
  await measure('previewSalesOrder (3 lines)', 40, 1, (i) => conn.runAction('previewSalesOrder', { customerKey: open[i % open.length], lines }));
  await measure('createSalesOrder (3 lines)', 60, 4, (i) => conn.runAction('createSalesOrder', { customerKey: open[i % open.length], lines }, { idempotencyKey: `${label}-${i}` }));
  await measure('createSalesOrder replay (same key)', 60, 4, (i) => conn.runAction('createSalesOrder', { customerKey: open[i % open.length], lines }, { idempotencyKey: `${label}-${i}` }));

  const t0 = performance.now();
  const backlog = await conn.poll('recordChanged', { table: 'SO_SalesOrderHeader', startAt: '2000-01-01', pageSize: 100 }, null);
  console.log(`recordChanged backlog poll         ${backlog.events.length} events in ${(performance.now() - t0).toFixed(0)} ms (pages of 100)`);
  await conn.close();
}

try {
  await suite('rate-limited connection (as deployed)', openConnection(sage100Connector, auth, { connectionId: 'bench-limited' }));
  await suite('no connection rate limit', openConnection(unlimited, auth, { connectionId: 'bench-unlimited' }));
} finally {
  await gw.close();
}
