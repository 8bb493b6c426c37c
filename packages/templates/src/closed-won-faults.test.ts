// Closed-Won → Sales Order with history in Sage and an outage between the engine and the gateway. A file of
// its own: the Temporal test server's clock must start from today (the history check looks back a year), and
// the outage moves the Sage connection behind a proxy this file controls.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ClosedWonLab, decide, eventually, pendingApproval } from './closed-won-lab';

let cw: ClosedWonLab;
let proxy: Awaited<ReturnType<typeof gatewayProxy>>;

beforeAll(async () => {
  cw = await ClosedWonLab.start({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
  // Every call to Sage goes through the proxy from the first run on (the worker keeps a connection's client).
  proxy = await gatewayProxy(new URL(cw.lab.h.gateway.url));
  proxy.setUp(true);
  const sage = await cw.lab.h.db.connection.findFirstOrThrow({ where: { environmentId: cw.lab.h.environment.id, kind: 'sage100' } });
  await cw.lab.h.db.connection.update({ where: { id: sage.id }, data: { config: { ...(sage.config as object), baseUrl: proxy.url } } });
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await cw?.stop();
});

/** A TCP hop in front of the gateway that can drop every connection (the gateway host is unreachable) or pass them on. */
async function gatewayProxy(target: URL) {
  let up = false;
  let dropped = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (!up) {
      dropped++;
      client.destroy();
      return;
    }
    const remote = new (client.constructor as typeof Socket)();
    remote.connect(Number(target.port), target.hostname);
    client.pipe(remote).pipe(client);
    client.on('error', () => remote.destroy());
    remote.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropped: () => dropped,
    /** Down also cuts the connections already open (kept alive by the connector's HTTP pool), as an outage does. */
    setUp(v: boolean) {
      up = v;
      if (!v) for (const socket of sockets) socket.destroy();
    },
    close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
}

describe('Closed-Won → Sales Order: anomalies and outages', () => {
  it('flags a mistyped quantity, a total far from the deal value and a value far from the customer\'s history, every reason in the approval', async () => {
    const { lab } = cw;
    await lab.sage('POST', '/customers', { arDivisionNo: '01', customerNo: 'HISTORY', customerName: 'Steady Buyer Inc' });
    for (let i = 0; i < 3; i++) {
      const { salesOrderNo } = await lab.order({ customerNo: 'HISTORY', quantity: 4 });
      await lab.emulator.advanceOrder(salesOrderNo, 'invoiced');
    }
    const boxKey = await lab.boxIn('Negotiation', 11);
    await cw.setFields(boxKey, { Products: 'ELEC-1001 x 400', 'Deal value': '740.00', 'Sage customer no': '01-HISTORY' });
    const run = await cw.close(boxKey);
    const approval = await pendingApproval(lab, run.id);
    expect(approval.reason).toContain('Sage prices the order at 7400.00 USD, 900.0% away from the deal value 740.00 USD (tolerance 5%)');
    expect(approval.reason).toMatch(/Deal value 740\.00 USD is far from this customer's history: the median of its last 3 invoices is [\d.]+ USD \(flagged beyond 5× either way\)/);
    expect(approval.reason).toContain("A line orders 400 units, about 160× this customer's usual line quantity (median 2.5): was it mistyped?");
    await decide(lab, approval.id, false, 'quantity should be 40');
    expect((await cw.finish(run)).status).toBe('succeeded');
    expect(await cw.ordersFor(boxKey)).toEqual([]);
  });

  it('waits out a gateway that cannot be reached and resumes when it is back: one order, nothing lost', async () => {
    const { lab } = cw;
    const boxKey = await lab.boxNamed('Summit Ridge Construction – Warehouse shelving');
    proxy.setUp(false);
    const before = proxy.dropped();
    const run = await cw.close(boxKey);
    await eventually('three attempts against the unreachable gateway', async () => (proxy.dropped() - before >= 3 ? true : undefined));
    expect(await cw.ordersFor(boxKey)).toEqual([]);
    proxy.setUp(true);
    const done = await cw.finish(run);
    expect([done.status, done.error]).toEqual(['succeeded', undefined]);
    expect(await cw.ordersFor(boxKey)).toHaveLength(1);
  }, 90_000);
});
