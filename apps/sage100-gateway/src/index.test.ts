import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_GATEWAY_TOKEN, SHARED_DEMO_COMPANIES, startGateway } from './index';

const post = (url: string, path: string, body: unknown) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${DEMO_GATEWAY_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data: { salesOrderNo: string } } }));

describe('startGateway', () => {
  it('persists emulator state and the idempotency ledger across a restart', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'gw-')), 'sage.json');
    const order = { arDivisionNo: '01', customerNo: 'ACMEIND', lines: [{ itemCode: 'FAST-1003', quantityOrdered: 1 }] };
    const first = await startGateway({ port: 0, dataFile });
    const created = await post(first.url, '/v1/companies/ABC/sales-orders', order);
    const keyed = await fetch(`${first.url}/v1/companies/ABC/sales-orders`, { method: 'POST', headers: { authorization: `Bearer ${DEMO_GATEWAY_TOKEN}`, 'content-type': 'application/json', 'idempotency-key': 'restart-1' }, body: JSON.stringify(order) }).then((r) => r.json() as Promise<{ data: { salesOrderNo: string } }>);
    await first.close();
    expect(JSON.parse(readFileSync(dataFile, 'utf8')).version).toBe(1);
    const second = await startGateway({ port: 0, dataFile });
    const got = await fetch(`${second.url}/v1/companies/ABC/sales-orders/${created.body.data.salesOrderNo}`, { headers: { authorization: `Bearer ${DEMO_GATEWAY_TOKEN}` } });
    expect(got.status).toBe(200);
    const replay = await fetch(`${second.url}/v1/companies/ABC/sales-orders`, { method: 'POST', headers: { authorization: `Bearer ${DEMO_GATEWAY_TOKEN}`, 'content-type': 'application/json', 'idempotency-key': 'restart-1' }, body: JSON.stringify(order) });
    expect(replay.headers.get('idempotent-replay')).toBe('true');
    expect(((await replay.json()) as { data: { salesOrderNo: string } }).data.salesOrderNo).toBe(keyed.data.salesOrderNo);
    await second.close();
  });

  it('logs one line per request without the token, query or body, routine polls only when they fail', async () => {
    const lines: string[] = [];
    const gw = await startGateway({ port: 0, dataFile: null, log: (line) => lines.push(line) });
    await post(gw.url, '/v1/companies/ABC/customers?secret=q', { arDivisionNo: '01', customerName: 'Private Name LLC' });
    // Routine polling stays out of the log unless it fails.
    await fetch(`${gw.url}/health`);
    await post(gw.url, '/v1/companies/ABC/tables/AR_Customer/changes', {});
    await post(gw.url, '/v1/companies/ABC/tables/NO_SuchTable/changes', {});
    await gw.close();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^POST \/v1\/companies\/ABC\/customers 201 /);
    expect(lines[1]).toMatch(/^POST \/v1\/companies\/ABC\/tables\/NO_SuchTable\/changes 404 /);
    expect(lines.join('\n')).not.toMatch(new RegExp(`${DEMO_GATEWAY_TOKEN}|Private Name|secret`));
  });

  it('seeds Sage spellings of the companies shared with the Streak sandbox', async () => {
    const gw = await startGateway({ port: 0, dataFile: null });
    for (const shared of SHARED_DEMO_COMPANIES) {
      const r = await fetch(`${gw.url}/v1/companies/ABC/customers/${shared.sage.arDivisionNo}-${shared.sage.customerNo}`, { headers: { authorization: `Bearer ${gw.token}` } });
      const c = ((await r.json()) as { data: { customerName: string } }).data;
      expect(c.customerName).toBe(shared.sage.customerName);
      expect(c.customerName).not.toBe(shared.streak.name);
    }
    const page = await fetch(`${gw.url}/`);
    expect(await page.text()).toContain('Sage 100 emulator');
    await gw.close();
  });
});
