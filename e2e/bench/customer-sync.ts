// Bulk customer sync against Streak's rate limit: every Sage customer of the demo company pushed as a Streak
// organization through the Streak connector (upsertOrganization, the connector's own 10 requests/s limiter)
// while the sandbox enforces 10 requests/s per API key. The floor is the requests made ÷ 10/s.
import { memoryLogger, openConnection } from '@conduit/connector-kit';
import { CONNECTORS } from '@conduit/engine';
import { DEMO_API_KEY } from '@conduit/streak-sandbox';

export interface CustomerSyncResult {
  customers: number;
  seconds: number;
  requests: number;
  floorSeconds: number;
  rejected429: number;
}

const RATE = 10;

export async function benchCustomerSync(o: { sandbox: string; gateway: string; concurrency: number; limit?: number }): Promise<CustomerSyncResult> {
  const streak = CONNECTORS.find((c) => c.id === 'streak');
  if (!streak) throw new Error('the engine has no Streak connector');
  const rows = ((await (await fetch(`${o.gateway}/__emulator/companies/ABC/tables/AR_Customer?limit=5000`)).json()) as { data: { items: Array<{ customerNo: string; customerName: string; telephoneNo?: string }> } }).data.items;
  const customers = rows.slice(0, o.limit ?? rows.length);
  const setFaults = (body: object) => fetch(`${o.sandbox}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await setFaults({ rateLimitPerSecond: RATE });
  const log = memoryLogger();
  const conn = openConnection(streak, { apiKey: DEMO_API_KEY, baseUrl: `${o.sandbox}/api`, allowPrivateHost: true }, { log, connectionId: 'bench-customer-sync' });
  // A quiet second so the sandbox's bucket starts full, as the connector's does.
  await new Promise((r) => setTimeout(r, 1000));
  const t0 = performance.now();
  let next = 0;
  try {
    await Promise.all(Array.from({ length: o.concurrency }, async () => {
      while (next < customers.length) {
        const c = customers[next++]!;
        const slug = `${c.customerName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${c.customerNo.toLowerCase()}`;
        await conn.runAction('upsertOrganization', { domain: `${slug}.example.com`, name: c.customerName, ...(c.telephoneNo ? { phoneNumbers: [c.telephoneNo] } : {}) });
      }
    }));
  } finally {
    await conn.close();
    await setFaults({ rateLimitPerSecond: null });
  }
  const seconds = (performance.now() - t0) / 1000;
  const answered = log.entries.filter((e) => e.message === 'http');
  // The first RATE requests ride the full bucket; every later one waits its 1/RATE s.
  return { customers: customers.length, seconds, requests: answered.length, floorSeconds: Math.max(0, (answered.length - RATE) / RATE), rejected429: answered.filter((e) => e.fields?.status === 429).length };
}
