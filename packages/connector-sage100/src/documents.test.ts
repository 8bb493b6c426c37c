// Invoices and cash receipts since a point in time: orders are moved forward (shipped, invoiced, paid)
// through the emulator's controls, then read back through the actions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PermanentError } from '@conduit/connector-kit';
import { type SageTarget, fixtureCustomer, fixtureItems, sageTarget, uniqueCode } from './test/target';

type Rec = Record<string, unknown>;
type Listed = { items: Rec[]; highWaterMark: string | null };

describe('Sage 100 invoices and cash receipts', () => {
  let t: SageTarget;
  let customerKey: string;
  let invoiceNo: string;
  let salesOrderNo: string;
  let since: string;
  const run = (key: string, input: unknown) => t.conn.runAction(key, input) as Promise<Rec>;
  const fail = (key: string, input: unknown) => run(key, input).then(() => expect.unreachable('should fail'), (e: unknown) => e as PermanentError);

  beforeAll(async () => {
    t = await sageTarget();
    customerKey = await fixtureCustomer(t);
    const [item] = (await fixtureItems(t)).regular;
    since = (await t.control.state()).clock.serverLocal;
    const order = await t.api<{ salesOrderNo: string }>('POST', 'sales-orders', { arDivisionNo: '01', customerNo: customerKey.slice(3), externalId: `box-${uniqueCode()}`, lines: [{ itemCode: item, quantityOrdered: 2, unitPrice: 50 }] });
    salesOrderNo = order.salesOrderNo;
    invoiceNo = (await t.control.advanceOrder(salesOrderNo, 'invoiced')).invoiceNo ?? '';
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists invoices posted since a point in time, with lines and total', async () => {
    const listed = (await run('listInvoices', { since, customerKey })) as Listed;
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ invoiceNo, customerKey, salesOrderNo, lines: [expect.objectContaining({ quantityShipped: 2, unitPrice: 50, extensionAmt: 100 })] });
    expect(Number(listed.items[0]?.invoiceTotal)).toBeGreaterThanOrEqual(100);
    expect(listed.highWaterMark).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    const all = (await run('listInvoices', { since })) as Listed;
    expect(all.items.map((i) => i.invoiceNo)).toContain(invoiceNo);
    expect(((await run('listInvoices', { since: '2099-01-01' })) as Listed)).toEqual({ items: [], highWaterMark: null });
  });

  it('gets one invoice', async () => {
    expect(await run('getInvoice', { invoiceNo })).toMatchObject({ invoiceNo, customerKey, salesOrderNo });
    expect(await fail('getInvoice', { invoiceNo: 'NOSUCH' })).toMatchObject({ reason: 'not_found', subject: { type: 'invoice', key: 'NOSUCH' } });
  });

  it('lists cash receipts since a point in time, after the invoice is paid', async () => {
    expect(((await run('listCashReceipts', { since, customerKey })) as Listed).items).toEqual([]);
    await t.control.advanceOrder(salesOrderNo, 'paid');
    const receipts = (await run('listCashReceipts', { since, customerKey })) as Listed;
    expect(receipts.items).toEqual([expect.objectContaining({ customerKey, invoiceNo, invoiceBalance: 0 })]);
    expect(Number(receipts.items[0]?.cashAmountApplied)).toBeGreaterThanOrEqual(100);
    expect((await run('getCustomerCredit', { customerKey })).openInvoices).toEqual([]);
  });

  it('rejects a start point that is not a date, naming the parameter', async () => {
    const err = await fail('listInvoices', { since: 'last tuesday' });
    expect(err).toMatchObject({ reason: 'validation', status: 400, subject: { type: 'invoices', field: 'since' } });
    expect(err.message).toMatch(/^Sage 100: invoices since last tuesday \(field since\) fails: /);
  });
});
