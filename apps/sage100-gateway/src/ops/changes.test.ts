import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../testing';

// The emulated Sage server clock starts here and only moves when a test moves it.
let now = new Date('2026-11-25T15:00:00Z').getTime();
let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ now: () => new Date(now) });
});
afterAll(() => t.gw.close());

type Feed = { items: { keyText: string; stamp: string; record: Record<string, unknown> }[]; nextCursor: string; hasMore: boolean; highWaterMark: string };
const poll = async (table: string, from: { cursor?: string; since?: string }, extra: Record<string, unknown> = {}) => (await t.api<Feed>('POST', `/tables/${table}/changes`, { ...from, ...extra })).body.data;
const keys = async (table: string) => new Map((await t.api<{ items: { key: string[]; hash: string }[] }>('GET', `/tables/${table}/keys`)).body.data.items.map((i) => [i.key.join('|'), i.hash]));
const tick = (seconds: number) => {
  now += seconds * 1000;
};

describe('change feed', () => {
  it('delivers rows stamped since the start point, then only new ones from the cursor', async () => {
    const start = await poll('AR_Customer', { since: '2026-11-25T15:00:00' });
    expect(start.items).toEqual([]);
    tick(60);
    await t.api('PATCH', '/customers/01-BLUERID', { comment: 'first' });
    const one = await poll('AR_Customer', { cursor: start.nextCursor });
    expect(one.items.map((i) => i.keyText)).toEqual(['01|BLUERID']);
    // To the millisecond, as decoded from TimeUpdated's decimal hours (which resolve to 36 ms).
    expect(one.items[0]?.stamp).toMatch(/^2026-11-25T15:01:00\.0[0-3]\d$/);
    const none = await poll('AR_Customer', { cursor: one.nextCursor });
    expect(none.items).toEqual([]);
    tick(60);
    await t.api('PATCH', '/customers/01-BLUERID', { comment: 'second' });
    const again = await poll('AR_Customer', { cursor: none.nextCursor });
    expect(again.items.map((i) => i.record.comment)).toEqual(['second']);
  });

  it('catches a late row stamped inside the overlap window (skewed clock) without repeating delivered rows', async () => {
    tick(600);
    await t.api('PATCH', '/customers/01-CASCADE', { comment: 'on time' });
    const a = await poll('AR_Customer', { since: '2026-11-25T15:05:00' }, { overlapSeconds: 300 });
    expect(a.items.map((i) => i.keyText)).toEqual(['01|BLUERID', '01|CASCADE']);
    tick(-120); // a workstation whose clock is two minutes behind writes after the poll
    await t.api('PATCH', '/customers/01-REDWOOD', { comment: 'late stamp' });
    tick(240);
    const b = await poll('AR_Customer', { cursor: a.nextCursor });
    expect(b.items.map((i) => i.keyText)).toEqual(['01|REDWOOD']);
    const withoutOverlap = await poll('AR_Customer', { since: a.highWaterMark }, { overlapSeconds: 0 });
    expect(withoutOverlap.items.map((i) => i.keyText)).not.toContain('01|REDWOOD');
  });

  it('pages with limit and hasMore without losing or repeating rows that share one stamp', async () => {
    tick(60);
    for (const c of ['GRANITE', 'EVERGRN', 'LONESTR']) await t.api('PATCH', `/customers/01-${c}`, { comment: 'batch' });
    const p1 = await poll('AR_Customer', { since: new Date(now).toISOString().slice(0, 19) }, { limit: 2, overlapSeconds: 0 });
    expect(p1.hasMore).toBe(true);
    const p2 = await poll('AR_Customer', { cursor: p1.nextCursor }, { limit: 2 });
    // Same stamp: key order breaks the tie, and the cursor's seen-set keeps page 2 from repeating page 1.
    expect([...p1.items, ...p2.items].map((i) => i.keyText)).toEqual(['01|EVERGRN', '01|GRANITE', '01|LONESTR']);
  });

  it('feeds the other seeded tables and refuses stamp-less ones', async () => {
    expect((await poll('PO_PurchaseOrderHeader', { since: '2026-01-01' })).items.length).toBe(8);
    expect((await poll('GL_JournalHeader', { since: '2026-01-01' })).items.length).toBe(5);
    const detail = await t.api('POST', '/tables/SO_SalesOrderDetail/changes', {});
    expect(detail.status).toBe(400);
    const tables = await t.api<{ items: { name: string; stamped: boolean }[] }>('GET', '/tables');
    expect(tables.body.data.items.map((x) => x.name)).toEqual(expect.arrayContaining(['AP_Vendor', 'AP_InvoiceHeader', 'PO_PurchaseOrderDetail', 'GL_Account', 'GL_JournalDetail']));
    expect((await t.api('GET', '/tables/NOPE/keys')).status).toBe(404);
  });
});

describe('reconciliation catches what stamps miss', () => {
  it('a stamp-less bulk update is invisible to the feed but changes the row hash', async () => {
    tick(60);
    const before = await keys('AR_Customer');
    const cursor = (await poll('AR_Customer', { since: new Date(now).toISOString().slice(0, 19) })).nextCursor;
    await t.emulator.bulkUpdate({ table: 'AR_Customer', where: { CustomerNo: 'PIONEER' }, set: { CreditLimit: 77777 } });
    expect((await poll('AR_Customer', { cursor })).items).toEqual([]);
    const after = await keys('AR_Customer');
    const changed = [...after].filter(([k, h]) => before.get(k) !== h).map(([k]) => k);
    expect(changed).toEqual(['01|PIONEER']);
  });

  it('a delete leaves no stamp; the key list shows it is gone; stock moves only show in snapshots', async () => {
    const before = await keys('AP_Vendor');
    await t.emulator.purge({ table: 'AP_Vendor', where: { VendorNo: '0000003' } });
    const after = await keys('AP_Vendor');
    expect([...before.keys()].filter((k) => !after.has(k))).toEqual(['00|0000003']);
    const snap = async () => (await t.api<{ items: { itemCode: string; warehouseCode: string; quantityOnHand: number }[] }>('GET', '/tables/IM_ItemWarehouse/rows?limit=1000')).body.data.items.find((r) => r.itemCode === 'PACK-1001' && r.warehouseCode === '000');
    const cursor = (await poll('IM_ItemWarehouse', { since: new Date(now).toISOString().slice(0, 19) })).nextCursor;
    await t.emulator.setStock({ itemCode: 'PACK-1001', warehouseCode: '000', quantityOnHand: 4321 });
    expect((await poll('IM_ItemWarehouse', { cursor })).items).toEqual([]);
    expect((await snap())?.quantityOnHand).toBe(4321);
  });
});

describe('documents since a point in time', () => {
  it('lists invoices and cash receipts as orders move forward, and the balance follows', async () => {
    tick(3600);
    const since = new Date(now).toISOString().slice(0, 19);
    const created = (await t.api<{ salesOrderNo: string; orderTotal: number }>('POST', '/sales-orders', { arDivisionNo: '01', customerNo: 'HARBORP', lines: [{ itemCode: 'ELEC-1001', quantityOrdered: 2 }] })).body.data;
    expect((await t.emulator.advanceOrder(created.salesOrderNo)).step).toBe('shipped');
    const invoiced = await t.emulator.advanceOrder(created.salesOrderNo);
    expect(invoiced.step).toBe('invoiced');
    const invoices = (await t.api<{ items: { invoiceNo: string; salesOrderNo: string; invoiceTotal: number; lines: unknown[] }[] }>('GET', `/invoices?since=${since}`)).body.data.items;
    expect(invoices.map((i) => [i.invoiceNo, i.salesOrderNo, i.invoiceTotal])).toEqual([[invoiced.invoiceNo, created.salesOrderNo, created.orderTotal]]);
    expect(invoices[0]?.lines).toHaveLength(1);
    const order = await t.api<{ source: string; orderStatus: string }>('GET', `/sales-orders/${created.salesOrderNo}`);
    expect(order.body.data).toMatchObject({ source: 'history', orderStatus: 'C' });
    const credit = async () => (await t.api<{ currentBalance: number; openInvoices: unknown[] }>('GET', '/customers/01-HARBORP/credit')).body.data;
    const owed = (await credit()).currentBalance;
    tick(60);
    expect((await t.emulator.advanceOrder(created.salesOrderNo)).step).toBe('paid');
    const receipts = (await t.api<{ items: { invoiceNo: string; cashAmountApplied: number }[] }>('GET', `/cash-receipts?since=${since}`)).body.data.items;
    expect(receipts).toMatchObject([{ invoiceNo: invoiced.invoiceNo, cashAmountApplied: created.orderTotal }]);
    expect((await credit()).currentBalance).toBeCloseTo(owed - created.orderTotal, 2);
    expect((await t.api('GET', `/invoices/${invoiced.invoiceNo}`)).status).toBe(200);
    expect((await t.api('GET', '/invoices?since=yesterday')).status).toBe(400);
  });
});
