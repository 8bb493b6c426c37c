import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../testing';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.gw.close());

type Order = { salesOrderNo: string; orderStatus: string; orderType: string; lines: Record<string, unknown>[]; orderTotal: number; taxableAmt: number; salesTaxAmt: number; source: string } & Record<string, unknown>;
type Avail = { warehouses: { warehouseCode: string; quantityOnSalesOrder: number; quantityAvailable: number }[] };

const onOrder = async (item: string) => (await t.api<Avail>('GET', `/items/${item}/availability`)).body.data.warehouses.reduce((sum, w) => sum + w.quantityOnSalesOrder, 0);
const openOrders = async () => (await t.emulator.rows('SO_SalesOrderHeader')).total;
const order = (extra: Record<string, unknown> = {}) => ({ arDivisionNo: '01', customerNo: 'ACMEIND', lines: [{ itemCode: 'FAST-1002', quantityOrdered: 3 }, { itemCode: 'TOOL-1001', quantityOrdered: 1 }, { itemCode: '/C', commentText: 'Leave at dock 3' }], ...extra });

describe('sales orders', () => {
  it('creates an order with lines, defaulted from customer and items, committing inventory', async () => {
    const before = await onOrder('FAST-1002');
    const r = await t.api<Order>('POST', '/sales-orders', order({ customerPONo: 'PO-A1', orderDate: '2026-11-20', shipExpireDate: '2026-11-30' }));
    expect(r.status).toBe(201);
    const o = r.body.data;
    expect(o).toMatchObject({ orderType: 'S', orderStatus: 'N', orderDate: '2026-11-20', shipExpireDate: '2026-11-30', billToName: 'ACME INDUSTRIAL SUPPLY INC', customerKey: '01-ACMEIND', source: 'open' });
    expect(o.salesOrderNo).toMatch(/^\d{7}$/);
    expect(o.lines.map((l) => [l.lineKey, l.itemCode, l.itemType])).toEqual([['000001', 'FAST-1002', '1'], ['000002', 'TOOL-1001', '1'], ['000003', '/C', '4']]);
    expect(o.lines[0]?.itemCodeDesc).not.toBe('');
    expect(o.orderTotal).toBeGreaterThan(0);
    expect(await onOrder('FAST-1002')).toBe(before + 3);
    expect((await t.api<Order>('GET', `/sales-orders/${Number(o.salesOrderNo)}`)).body.data.salesOrderNo).toBe(o.salesOrderNo);
  });

  it('is atomic: one bad line means no order at all, no commitment, and Sage\'s message for the line', async () => {
    const [count, committed] = [await openOrders(), await onOrder('FAST-1002')];
    const bad = await t.api('POST', '/sales-orders', order({ lines: [{ itemCode: 'FAST-1002', quantityOrdered: 2 }, { itemCode: 'FAST-1017', quantityOrdered: 1 }] }));
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'PARTIAL_LINES_REJECTED', field: 'lines[1].itemCode', sageMessage: 'Item FAST-1017 is inactive.', retryable: false });
    const unknown = await t.api('POST', '/sales-orders', order({ lines: [{ itemCode: 'FAST-1002', quantityOrdered: 1 }, { itemCode: 'NO-SUCH', quantityOrdered: 1 }] }));
    expect(unknown.body.error.sageMessage).toBe('The Item Code NO-SUCH is not on file.');
    const zeroQty = await t.api('POST', '/sales-orders', order({ lines: [{ itemCode: 'FAST-1002' }] }));
    expect(zeroQty.body.error).toMatchObject({ code: 'PARTIAL_LINES_REJECTED', field: 'lines[0]' });
    expect([await openOrders(), await onOrder('FAST-1002')]).toEqual([count, committed]);
  });

  it('rejects an unknown or inactive customer, bad types, unknown fields and over-length values with 4xx', async () => {
    const count = await openOrders();
    const unknown = await t.api('POST', '/sales-orders', order({ customerNo: 'NOSUCH' }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'customerNo', sageMessage: 'Customer 01-NOSUCH is not on file.' });
    const inactive = (await t.emulator.rows('AR_Customer', { CustomerStatus: 'I' })).items[0] as { arDivisionNo: string; customerNo: string };
    const gone = await t.api('POST', '/sales-orders', order({ arDivisionNo: inactive.arDivisionNo, customerNo: inactive.customerNo }));
    expect(gone.body.error.sageMessage).toContain('is inactive');
    expect((await t.api('POST', '/sales-orders', order({ lines: [{ itemCode: 'FAST-1002', quantityOrdered: '3' }] }))).status).toBe(400);
    expect((await t.api('POST', '/sales-orders', order({ salesOrderNo: '0000001' }))).body.error.field).toBe('salesOrderNo');
    expect((await t.api('POST', '/sales-orders', order({ lines: [] }))).status).toBe(400);
    expect((await t.api('POST', '/sales-orders', order({ shipExpireDate: '2026-13-01' }))).status).toBe(400);
    const po = await t.api('POST', '/sales-orders', order({ customerPONo: 'P'.repeat(16) }));
    expect(po.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'customerPONo', sageMessage: 'The Customer PO No is greater than 15 character(s).' });
    const wh = await t.api('POST', '/sales-orders', order({ lines: [{ itemCode: 'FAST-1002', quantityOrdered: 1, warehouseCode: '999' }] }));
    expect(wh.body.error).toMatchObject({ field: 'lines[0].warehouseCode', sageMessage: 'The Warehouse Code 999 is not on file.' });
    expect(await openOrders()).toBe(count);
  });

  it('warns on a duplicate customer PO (-1) but still creates the order', async () => {
    await t.api('POST', '/sales-orders', order({ customerPONo: 'PO-DUP' }));
    const second = await t.api<Order>('POST', '/sales-orders', order({ customerPONo: 'PO-DUP' }));
    expect(second.status).toBe(201);
    expect(second.body.warnings).toEqual([{ code: 'DUPLICATE_PO', message: 'This customer PO number already exists on one or more sales orders or invoices.', field: 'customerPONo' }]);
    const found = await t.api<{ items: Order[] }>('GET', '/sales-orders?customer=01-ACMEIND&customerPONo=PO-DUP');
    expect(found.body.data.items).toHaveLength(2);
  });

  it('applies the credit policy: hold (default) saves on hold with a warning; reject refuses with CREDIT_HOLD', async () => {
    const held = (await t.emulator.rows('AR_Customer', { CreditHold: 'Y', CustomerStatus: 'A' })).items[0] as { arDivisionNo: string; customerNo: string };
    const onHold = await t.api<Order>('POST', '/sales-orders', order({ arDivisionNo: held.arDivisionNo, customerNo: held.customerNo }));
    expect(onHold.status).toBe(201);
    expect(onHold.body.data.orderStatus).toBe('H');
    expect(onHold.body.warnings[0]).toMatchObject({ code: 'CREDIT_HOLD', field: 'customerNo' });
    await t.emulator.setOptions({ creditPolicy: 'reject' });
    const refused = await t.api('POST', '/sales-orders', order({ arDivisionNo: held.arDivisionNo, customerNo: held.customerNo }));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'CREDIT_HOLD', sageMessage: `Customer ${held.arDivisionNo}-${held.customerNo} is on credit hold.` });
    const quote = await t.api<Order>('POST', '/sales-orders', order({ arDivisionNo: held.arDivisionNo, customerNo: held.customerNo, orderType: 'Q' }));
    expect(quote.status).toBe(201);
    await t.emulator.setOptions({ creditPolicy: 'hold' });
  });

  it('quotes never commit inventory; preview prices and totals without saving anything', async () => {
    const [count, committed] = [await openOrders(), await onOrder('FAST-1002')];
    const q = await t.api<Order>('POST', '/sales-orders', order({ orderType: 'Q' }));
    expect(q.body.data.orderType).toBe('Q');
    expect(await onOrder('FAST-1002')).toBe(committed);
    const p = await t.api<Order>('POST', '/sales-orders/preview', order({ freightAmt: 12.5 }));
    expect(p.status).toBe(200);
    expect(p.body.data).toMatchObject({ preview: true, salesOrderNo: null, freightAmt: 12.5 });
    expect(p.body.data.lines).toHaveLength(3);
    expect(p.body.data.orderTotal).toBeCloseTo(p.body.data.taxableAmt + Number(p.body.data.nonTaxableAmt) + p.body.data.salesTaxAmt + 12.5, 2);
    expect([await openOrders(), await onOrder('FAST-1002')]).toEqual([count + 1, committed]);
  });

  it('updates lines in one write, moving commitments by the difference, and cancels into history', async () => {
    const created = (await t.api<Order>('POST', '/sales-orders', order())).body.data;
    const base = await onOrder('FAST-1002');
    const u = await t.api<Order>('PATCH', `/sales-orders/${created.salesOrderNo}`, { comment: 'rush', updateLines: [{ lineKey: '000001', quantityOrdered: 10 }], removeLines: ['000003'], addLines: [{ itemCode: 'SAFE-1001', quantityOrdered: 2 }] });
    expect(u.status).toBe(200);
    expect(u.body.data.comment).toBe('rush');
    expect(u.body.data.lines.map((l) => [l.lineKey, l.itemCode, l.quantityOrdered])).toEqual([['000001', 'FAST-1002', 10], ['000002', 'TOOL-1001', 1], ['000004', 'SAFE-1001', 2]]);
    expect(await onOrder('FAST-1002')).toBe(base + 7);
    const badLine = await t.api('PATCH', `/sales-orders/${created.salesOrderNo}`, { comment: 'never saved', addLines: [{ itemCode: 'NOPE', quantityOrdered: 1 }] });
    expect(badLine.body.error.code).toBe('PARTIAL_LINES_REJECTED');
    expect((await t.api<Order>('GET', `/sales-orders/${created.salesOrderNo}`)).body.data.comment).toBe('rush');
    const c = await t.api<Order>('POST', `/sales-orders/${created.salesOrderNo}/cancel`);
    expect(c.body.data).toMatchObject({ source: 'history', orderStatus: 'X' });
    expect(await onOrder('FAST-1002')).toBe(base - 3);
    expect((await t.api('POST', `/sales-orders/${created.salesOrderNo}/cancel`)).status).toBe(200);
    expect((await t.api('PATCH', `/sales-orders/${created.salesOrderNo}`, { comment: 'x' })).body.error.code).toBe('NOT_FOUND');
  });

  it('takes and returns dates as ISO and rejects impossible dates with Sage\'s message', async () => {
    const r = await t.api('POST', '/sales-orders', order({ orderDate: '2026-02-30' }));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.error.field).toBe('orderDate');
  });

  it('prices items for a customer (price level) and reports availability; item codes with slashes work', async () => {
    const item = (await t.api<{ standardUnitPrice: number }>('GET', '/items/FAST-1001')).body.data;
    const level3 = (await t.emulator.rows('AR_Customer', { PriceLevel: '3', CreditHold: 'N', CustomerStatus: 'A' })).items[0] as { arDivisionNo: string; customerNo: string };
    const price = await t.api<{ unitPrice: number; extensionAmt: number }>('GET', `/items/fast-1001/price?customer=${level3.arDivisionNo}-${level3.customerNo}&quantity=4`);
    expect(price.body.data.unitPrice).toBeCloseTo(item.standardUnitPrice * 0.9, 5);
    expect(price.body.data.extensionAmt).toBeCloseTo(Math.round(item.standardUnitPrice * 0.9 * 4 * 100) / 100, 2);
    expect((await t.api('GET', '/items/%2FFREIGHT')).body.data).toMatchObject({ itemCode: '/FREIGHT', itemType: '3' });
    const many = await t.api<{ items: { itemCode: string }[] }>('GET', '/availability?items=FAST-1001,TOOL-1002');
    expect(many.body.data.items.map((i) => i.itemCode)).toEqual(['FAST-1001', 'TOOL-1002']);
    const search = await t.api<{ items: unknown[] }>('GET', '/items?q=hex%20bolt&includeInactive=true');
    expect(search.body.data.items.length).toBeGreaterThan(0);
  });
});
