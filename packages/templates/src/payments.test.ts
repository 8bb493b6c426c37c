import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { paymentsToStreak } from './payments';
import { type DeployedTemplate, Lab } from './test-lab';

let lab: Lab;
let flow: DeployedTemplate;
let boxKey: string;
let order: { salesOrderNo: string; invoiceNo: string; total: number };

beforeAll(async () => {
  lab = await Lab.start({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
  // A deal whose order (made by Closed-Won → Sales Order) has been shipped and invoiced.
  boxKey = await lab.boxIn('Closed-Won', 2);
  const { salesOrderNo } = await lab.order({ boxKey });
  const { invoiceNo } = await lab.emulator.advanceOrder(salesOrderNo, 'invoiced');
  const invoice = await lab.sage<{ invoiceTotal: number }>('GET', `/invoices/${invoiceNo}`);
  order = { salesOrderNo, invoiceNo: invoiceNo!, total: invoice.invoiceTotal };
  flow = await lab.deploy(paymentsToStreak);
  expect(await lab.poll(flow)).toEqual([]);
}, 120_000);
afterAll(async () => {
  await lab?.close();
});

const balance = async () => (await lab.sage<{ currentBalance: number }>('GET', '/customers/01-ACMEIND/credit')).currentBalance.toFixed(2);

describe('Payments → Streak (AR_CashReceiptsHistory change feed)', () => {
  it('a part payment comments "payment received" with amount and invoice and updates the open balance', async () => {
    const half = Math.round(order.total * 50) / 100;
    await lab.emulator.postCashReceipt({ customer: '01-ACMEIND', amount: half, invoiceNo: order.invoiceNo, checkNo: 'CHK-501' });
    const runs = await lab.poll(flow);
    expect(runs.map((r) => [r.status, r.error])).toEqual([['succeeded', undefined]]);
    expect(await lab.history(runs[0]!.runId)).toMatchObject({ status: 'succeeded', steps: { update: 'succeeded', comment: 'succeeded', notFromDeal: 'skipped' } });
    const box = await lab.box(boxKey);
    expect(box.fields['Open balance']).toBe(await balance());
    expect(box.fields['Order status']).not.toBe('Completed');
    expect(await lab.comments(boxKey)).toContain(
      `Payment received: ${half.toFixed(2)} on invoice ${order.invoiceNo} (sales order ${order.salesOrderNo}, check CHK-501). Still due on the invoice: ${(order.total - half).toFixed(2)}. Customer open balance: ${await balance()}.`,
    );
  });

  it('paying the rest from the emulator page (move forward → paid) completes the order', async () => {
    await lab.later();
    expect(await lab.emulator.advanceOrder(order.salesOrderNo, 'paid')).toMatchObject({ step: 'paid', invoiceNo: order.invoiceNo });
    const runs = await lab.poll(flow);
    expect(runs.map((r) => r.status)).toEqual(['succeeded']);
    expect(await lab.box(boxKey)).toMatchObject({ stage: 'Closed-Won', fields: { 'Order status': 'Completed', 'Open balance': await balance() } });
    expect((await lab.comments(boxKey)).filter((c) => c.includes('paid in full'))).toHaveLength(1);
    expect(await lab.poll(flow)).toEqual([]);
  });

  it('a receipt for an invoice whose order did not come from a deal is skipped with the reason, not retried', async () => {
    const stray = await lab.order();
    const { invoiceNo } = await lab.emulator.advanceOrder(stray.salesOrderNo, 'invoiced');
    await lab.emulator.postCashReceipt({ customer: '01-ACMEIND', amount: 5, invoiceNo: invoiceNo! });
    const [run] = await lab.poll(flow);
    expect(run?.status).toBe('succeeded');
    expect(run?.outputs.notFromDeal).toEqual({ skipped: true, reason: `Invoice ${invoiceNo} paid by customer 01-ACMEIND has no Streak box reference (UDF_EXT_REF is empty): its order was not created from a deal, so there is no box to update.` });
    expect((await lab.history(run!.runId)).steps).toMatchObject({ credit: 'skipped', update: 'skipped', comment: 'skipped' });
  });
});
