import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { invoicedToStreak, orderStatusToStreak } from './order-status';
import { type DeployedTemplate, Lab } from './test-lab';

let lab: Lab;
let openFlow: DeployedTemplate;
let invoiceFlow: DeployedTemplate;
let boxKey: string;
let salesOrderNo: string;

beforeAll(async () => {
  lab = await Lab.start({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
  openFlow = await lab.deploy(orderStatusToStreak);
  invoiceFlow = await lab.deploy(invoicedToStreak);
  // The first poll of a change feed only sets its starting point.
  expect(await lab.poll(openFlow)).toEqual([]);
  expect(await lab.poll(invoiceFlow)).toEqual([]);
  boxKey = await lab.boxIn('Negotiation');
}, 120_000);
afterAll(async () => {
  await lab?.close();
});

describe('Order status → Streak (SO_SalesOrderHeader change feed)', () => {
  it('a new order from a deal sets Order status Open and comments; an order not from a deal is skipped with the reason', async () => {
    ({ salesOrderNo } = await lab.order({ boxKey }));
    const stray = await lab.order();
    const runs = await lab.poll(openFlow);
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    const skipped = runs.find((r) => r.outputs.notFromDeal);
    expect(skipped?.outputs.notFromDeal).toEqual({ skipped: true, reason: `Sales order ${stray.salesOrderNo} has no Streak box reference (UDF_EXT_REF is empty): it was not created from a deal, so there is no box to update.` });
    expect((await lab.history(skipped!.runId)).steps).toMatchObject({ order: 'skipped', update: 'skipped', comment: 'skipped', notFromDeal: 'succeeded' });

    const box = await lab.box(boxKey);
    expect(box).toMatchObject({ stage: 'Negotiation', fields: { 'Order status': 'Open', 'Sage sales order no': salesOrderNo } });
    expect(await lab.comments(boxKey)).toContain(`Sage 100: sales order ${salesOrderNo} is now Open.`);
  });

  it('holding the order in Sage sets On Hold; releasing it sets Open again', async () => {
    await lab.later();
    expect(await lab.emulator.holdOrder(salesOrderNo, true)).toEqual({ salesOrderNo, orderStatus: 'H' });
    expect((await lab.poll(openFlow)).map((r) => r.status)).toEqual(['succeeded']);
    expect((await lab.box(boxKey)).fields['Order status']).toBe('On Hold');
    expect(await lab.comments(boxKey)).toContain(`Sage 100: sales order ${salesOrderNo} is now On Hold.`);
    await lab.later();
    await lab.emulator.holdOrder(salesOrderNo, false);
    expect((await lab.poll(openFlow)).map((r) => r.status)).toEqual(['succeeded']);
    expect((await lab.box(boxKey)).fields['Order status']).toBe('Open');
  });

  it('shipping the order on the emulator sets Shipped, moves the deal to the mapped stage and comments, once', async () => {
    await lab.later();
    expect(await lab.emulator.advanceOrder(salesOrderNo, 'shipped')).toEqual({ step: 'shipped' });
    const runs = await lab.poll(openFlow);
    expect(runs.map((r) => [r.status, r.error])).toEqual([['succeeded', undefined]]);
    expect(await lab.history(runs[0]!.runId)).toMatchObject({ status: 'succeeded', steps: { update: 'succeeded', comment: 'succeeded' } });
    expect(await lab.box(boxKey)).toMatchObject({ stage: 'Closed-Won', fields: { 'Order status': 'Shipped' } });
    expect(await lab.comments(boxKey)).toContain(`Sage 100: sales order ${salesOrderNo} is now Shipped; the deal moves to Closed-Won.`);
    expect(await lab.poll(openFlow)).toEqual([]);
  });

  it('an order change that leaves the status as the box shows it writes nothing', async () => {
    const before = await lab.comments(boxKey);
    await lab.later();
    await lab.sage('PATCH', `/sales-orders/${salesOrderNo}`, { comment: 'Call before delivery' });
    const runs = await lab.poll(openFlow);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.outputs.sameStatus).toEqual({ skipped: true, reason: `The box already shows order status Shipped for sales order ${salesOrderNo}; nothing to write.` });
    expect(await lab.comments(boxKey)).toEqual(before);
  });
});

describe('Order status → Streak, when the deal is gone', () => {
  it('an order whose box was deleted in Streak ends in a dead letter that says so, after one attempt', async () => {
    const box = await lab.streak<{ key: string }>('PUT', `/v1/pipelines/${lab.seed.pipelineKey}/boxes`, { name: 'Deal deleted later' });
    await lab.streak('DELETE', `/v1/boxes/${box.key}`);
    await lab.later();
    await lab.order({ boxKey: box.key });
    const runs = await lab.poll(openFlow);
    expect(runs.map((r) => r.status)).toEqual(['dead_lettered']);
    expect(runs[0]?.error).toMatch(/Streak: .*box.*not found|not found.*box/i);
    const letter = await lab.h.db.deadLetter.findFirstOrThrow({ where: { runId: runs[0]!.runId } });
    expect(letter).toMatchObject({ nodeId: 'box' });
    const step = await lab.h.db.runStep.findFirstOrThrow({ where: { runId: runs[0]!.runId, nodeId: 'box' } });
    expect(step.attempts).toBe(1);
  });
});

describe('Invoice posted → Streak (AR_InvoiceHistoryHeader change feed)', () => {
  it('invoicing the order on the emulator sets Invoiced and the customer balance, and comments with the amount', async () => {
    await lab.later();
    const { invoiceNo } = await lab.emulator.advanceOrder(salesOrderNo, 'invoiced');
    const runs = await lab.poll(invoiceFlow);
    expect(runs.map((r) => [r.status, r.error])).toEqual([['succeeded', undefined]]);
    const credit = await lab.sage<{ currentBalance: number }>('GET', '/customers/01-ACMEIND/credit');
    const invoice = await lab.sage<{ invoiceTotal: number; invoiceDueDate: string }>('GET', `/invoices/${invoiceNo}`);
    expect(await lab.box(boxKey)).toMatchObject({ stage: 'Closed-Won', fields: { 'Order status': 'Invoiced', 'Open balance': credit.currentBalance.toFixed(2) } });
    expect(await lab.comments(boxKey)).toContain(`Sage 100: invoice ${invoiceNo} posted for sales order ${salesOrderNo}: ${invoice.invoiceTotal.toFixed(2)} due ${invoice.invoiceDueDate}.`);
  });

  it('an invoice for an order that did not come from a deal is skipped with the reason', async () => {
    const stray = await lab.order();
    const { invoiceNo } = await lab.emulator.advanceOrder(stray.salesOrderNo, 'invoiced');
    const [run] = await lab.poll(invoiceFlow);
    expect(run?.status).toBe('succeeded');
    expect(run?.outputs.notFromDeal).toMatchObject({ reason: expect.stringContaining(`Invoice ${invoiceNo} (sales order ${stray.salesOrderNo}) has no Streak box reference`) });
  });
});
