// Sales order actions against a real gateway over the emulator: preview, create (idempotent, all lines or
// nothing), find, update, cancel, and refusals (credit hold, unknown customer or item) that name the order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PermanentError } from '@conduit/connector-kit';
import { type SageTarget, fixtureCustomer, fixtureItems, sageTarget, uniqueCode } from './test/target';

type Rec = Record<string, unknown>;
type Order = Rec & { salesOrderNo: string; lines: Rec[]; warnings: Rec[] };

describe('Sage 100 sales orders', () => {
  let t: SageTarget;
  let items: string[];
  let inactive: string;
  let customerKey: string;
  const run = (key: string, input: unknown, idempotencyKey?: string) => t.conn.runAction(key, input, idempotencyKey ? { idempotencyKey } : {}) as Promise<Order>;
  const fail = (key: string, input: unknown, idempotencyKey?: string) => run(key, input, idempotencyKey).then(() => expect.unreachable('should fail'), (e: unknown) => e as PermanentError);
  const openOrders = async (customer: string) => (await t.api<{ items: Rec[] }>('GET', `sales-orders?customer=${customer}`)).items;
  const lines = () => [{ itemCode: items[0], quantityOrdered: 2 }, { itemCode: items[1], quantityOrdered: 1, unitPrice: 9.5 }];

  beforeAll(async () => {
    t = await sageTarget();
    const found = await fixtureItems(t);
    items = found.regular;
    inactive = found.inactive;
    customerKey = await fixtureCustomer(t, { creditLimit: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('previews totals without saving anything', async () => {
    const preview = await run('previewSalesOrder', { customerKey, lines: lines() });
    expect(preview).toMatchObject({ salesOrderNo: null, customerKey, preview: true, warnings: [] });
    expect(preview.lines).toHaveLength(2);
    expect(preview.lines[1]).toMatchObject({ itemCode: items[1], unitPrice: 9.5, extensionAmt: 9.5 });
    expect(preview.orderTotal).toBeGreaterThan(9.5);
    expect(await openOrders(customerKey)).toEqual([]);
  });

  it('creates an order with all its lines, returns the first order for a repeated key, and finds it', async () => {
    const externalId = `box-${uniqueCode()}`;
    const input = { customerKey, customerPONo: `PO-${externalId.slice(-6)}`, externalId, lines: lines() };
    const order = await run('createSalesOrder', input, `flow:${externalId}:write`);
    expect(order).toMatchObject({ customerKey, orderType: 'S', customerPONo: input.customerPONo, source: 'open', replayed: false, udf: { EXT_REF: externalId } });
    expect(order.salesOrderNo).toMatch(/^\d{7}$/);
    expect(order.lines.map((l) => [l.itemCode, l.quantityOrdered])).toEqual([[items[0], 2], [items[1], 1]]);
    const again = await run('createSalesOrder', input, `flow:${externalId}:write`);
    expect(again).toMatchObject({ salesOrderNo: order.salesOrderNo, replayed: true });
    expect(await openOrders(customerKey)).toHaveLength(1);

    expect(await run('getSalesOrder', { salesOrderNo: String(Number(order.salesOrderNo)) })).toMatchObject({ salesOrderNo: order.salesOrderNo, lines: order.lines });
    const byRef = (await run('findSalesOrders', { externalId })) as unknown as { items: Rec[] };
    expect(byRef.items.map((o) => o.salesOrderNo)).toEqual([order.salesOrderNo]);
    const byPo = (await run('findSalesOrders', { customerPONo: input.customerPONo })) as unknown as { items: Rec[] };
    expect(byPo.items.map((o) => o.salesOrderNo)).toEqual([order.salesOrderNo]);
    const byCustomer = (await run('findSalesOrders', { customerKey })) as unknown as { items: Rec[]; nextAfter: null };
    expect(byCustomer).toMatchObject({ items: [expect.objectContaining({ salesOrderNo: order.salesOrderNo })], nextAfter: null });
    expect(await fail('findSalesOrders', {})).toMatchObject({ reason: 'validation' });
  });

  it('passes on Sage’s duplicate-PO warning', async () => {
    const po = `PO-${uniqueCode()}`;
    await run('createSalesOrder', { customerKey, customerPONo: po, lines: lines() }, `k1-${po}`);
    const second = await run('createSalesOrder', { customerKey, customerPONo: po, lines: lines() }, `k2-${po}`);
    expect(second.warnings).toEqual([expect.objectContaining({ code: 'DUPLICATE_PO' })]);
  });

  it('updates header and lines in one write', async () => {
    const order = await run('createSalesOrder', { customerKey, lines: lines() }, `k-${uniqueCode()}`);
    const [first, second] = order.lines.map((l) => String(l.lineKey));
    const updated = await run('updateSalesOrder', {
      salesOrderNo: order.salesOrderNo, comment: 'Rush', updateLines: [{ lineKey: first, quantityOrdered: 5 }], removeLines: [second], addLines: [{ itemCode: items[2], quantityOrdered: 1 }],
    });
    expect(updated).toMatchObject({ comment: 'Rush', warnings: [] });
    expect(updated.lines.map((l) => [l.itemCode, l.quantityOrdered])).toEqual([[items[0], 5], [items[2], 1]]);
  });

  it('refuses a bad line in an update and leaves the order as it was', async () => {
    const order = await run('createSalesOrder', { customerKey, lines: lines() }, `k-${uniqueCode()}`);
    const err = await fail('updateSalesOrder', { salesOrderNo: order.salesOrderNo, comment: 'Never', addLines: [{ itemCode: 'NO-SUCH-ITEM', quantityOrdered: 1 }] });
    expect(err).toMatchObject({ reason: 'validation', subject: { type: 'sales order', key: order.salesOrderNo, field: 'addLines[0].itemCode' } });
    const now = await run('getSalesOrder', { salesOrderNo: order.salesOrderNo });
    expect(now.comment).toBe('');
    expect(now.lines).toHaveLength(2);
    expect(await fail('updateSalesOrder', { salesOrderNo: '9999999', comment: 'x' })).toMatchObject({ reason: 'not_found', subject: { type: 'sales order', key: '9999999' } });
  });

  it('cancels an order into history; cancelling again is harmless', async () => {
    const order = await run('createSalesOrder', { customerKey, lines: lines() }, `k-${uniqueCode()}`);
    const cancelled = await run('cancelSalesOrder', { salesOrderNo: order.salesOrderNo });
    expect(cancelled).toMatchObject({ salesOrderNo: order.salesOrderNo, source: 'history', orderStatus: 'X' });
    expect(await run('cancelSalesOrder', { salesOrderNo: order.salesOrderNo })).toMatchObject({ orderStatus: 'X' });
    expect(await run('getSalesOrder', { salesOrderNo: order.salesOrderNo })).toMatchObject({ source: 'history' });
    const missing = await fail('cancelSalesOrder', { salesOrderNo: '9999998' });
    expect(missing).toMatchObject({ reason: 'not_found', subject: { type: 'sales order', key: '9999998' } });
  });

  it('fails an order for a customer on credit hold, naming the customer, when the company rejects them', async () => {
    const held = await fixtureCustomer(t, { creditHold: true });
    await t.control.setOptions({ creditPolicy: 'reject' });
    try {
      const err = await fail('createSalesOrder', { customerKey: held, lines: lines() }, `k-${uniqueCode()}`);
      expect(err).toMatchObject({ type: 'PermanentError', reason: 'conflict', status: 422, subject: { type: 'customer', key: held } });
      expect(err.message).toBe(`Sage 100: sales order for customer ${held}${err.subject?.field ? ` (field ${err.subject.field})` : ''} fails: ${err.remoteMessage}`);
      expect(err.remoteMessage).toMatch(/credit hold/i);
      expect(await openOrders(held)).toEqual([]);
    } finally {
      await t.control.setOptions({ creditPolicy: 'hold' });
    }
    // Under the "hold" policy Sage saves the order on hold and warns.
    const onHold = await run('createSalesOrder', { customerKey: held, lines: lines() }, `k-${uniqueCode()}`);
    expect(onHold).toMatchObject({ orderStatus: 'H', warnings: [expect.objectContaining({ code: 'CREDIT_HOLD' })] });
  });

  it('writes nothing when any line is refused, naming the line', async () => {
    const externalId = `box-${uniqueCode()}`;
    const err = await fail('createSalesOrder', { customerKey, externalId, lines: [lines()[0], { itemCode: 'NO-SUCH-ITEM', quantityOrdered: 1 }] }, `k-${externalId}`);
    expect(err).toMatchObject({ reason: 'validation', subject: { type: 'customer', key: customerKey, field: 'lines[1].itemCode' }, issues: [{ path: 'lines[1].itemCode' }] });
    expect(err.message).toMatch(new RegExp(`^Sage 100: sales order for customer ${customerKey} \\(field lines\\[1\\]\\.itemCode\\) fails: `));
    const inactiveErr = await fail('createSalesOrder', { customerKey, externalId, lines: [{ itemCode: inactive, quantityOrdered: 1 }] }, `k2-${externalId}`);
    expect(inactiveErr).toMatchObject({ reason: 'validation', subject: { field: 'lines[0].itemCode' } });
    expect(((await run('findSalesOrders', { externalId })) as unknown as { items: Rec[] }).items).toEqual([]);
  });

  it('names the customer and field for an unknown customer, an over-length PO and a wrong type', async () => {
    const before = (await openOrders(customerKey)).length;
    const unknown = await fail('createSalesOrder', { customerKey: '1-nosuch', lines: lines() }, `k-${uniqueCode()}`);
    expect(unknown).toMatchObject({ reason: 'validation', subject: { type: 'customer', key: '01-NOSUCH', field: 'customerNo' } });
    expect(unknown.message).toMatch(/^Sage 100: sales order for customer 01-NOSUCH \(field customerNo\) fails: /);
    const longPo = await fail('createSalesOrder', { customerKey, customerPONo: 'P'.repeat(16), lines: lines() }, `k-${uniqueCode()}`);
    expect(longPo).toMatchObject({ reason: 'validation', subject: { key: customerKey, field: 'customerPONo' } });
    expect(longPo.remoteMessage).toBeTruthy();
    const wrongType = await fail('createSalesOrder', { customerKey, lines: [{ itemCode: items[0], quantityOrdered: 'ten' }] }, `k-${uniqueCode()}`);
    expect(wrongType).toMatchObject({ reason: 'validation', issues: [{ path: 'lines.0.quantityOrdered' }] });
    expect(await openOrders(customerKey)).toHaveLength(before);
  });
});
