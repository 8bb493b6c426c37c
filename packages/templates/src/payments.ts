// Payments to Streak: a posted cash receipt (one AR_CashReceiptsHistory row per invoice it paid) → the invoice
// → the order's box (UDF_EXT_REF flows from the order to its invoice) → comment and Open balance. When the
// invoice is paid in full the order is Completed. Receipts for invoices not from a deal end skipped.
import { call, GraphBuilder, mapConfig, money, present, skipped, stageFor } from './graph-parts';
import type { FlowTemplate } from './template';

const BOX_REF = 'steps.invoice.udf.EXT_REF';
const PAID = 'trigger.record.invoiceBalance <= 0';

const g = new GraphBuilder()
  .add('received', 'trigger', 'Cash receipt posted in Sage 100', { type: 'changeFeed', connector: 'sage100@1', feed: 'recordChanged', params: { table: 'AR_CashReceiptsHistory' }, pollSeconds: 15 })
  .add('invoice', 'lookup', 'Read the invoice it paid', call('sage100@1', 'getInvoice', [{ target: 'invoiceNo', source: 'trigger.record.invoiceNo', required: true }]))
  .add('fromDeal', 'condition', 'Invoice for an order from a deal?', { expression: present(BOX_REF) })
  .add('credit', 'lookup', 'Read the customer balance', call('sage100@1', 'getCustomerCredit', [{ target: 'customerKey', expression: 'trigger.record.arDivisionNo + "-" + trigger.record.customerNo', required: true }]))
  .add('box', 'lookup', 'Read the box', call('streak@1', 'getBox', [{ target: 'boxKey', source: BOX_REF, required: true }]))
  .add('payment', 'map', 'What changed on the deal', mapConfig([
    { target: 'fields', expression: `${PAID} ? { "Open balance": ${money('steps.credit.currentBalance')}, "Order status": "Completed" } : { "Open balance": ${money('steps.credit.currentBalance')} }` },
    // The status table decides whether a completed order moves the deal; a box already there stays quiet.
    { target: 'stage', expression: stageFor('"Completed"'), when: `${PAID} && ${stageFor('"Completed"')} != steps.box.stageName` },
  ]))
  .add('update', 'write', 'Update the box', call('streak@1', 'updateBox', [
    { target: 'boxKey', source: BOX_REF, required: true },
    { target: 'fields', source: 'steps.payment.fields' },
    { target: 'stage', source: 'steps.payment.stage' },
  ]))
  .add('comment', 'write', 'Comment "payment received"', call('streak@1', 'addComment', [
    { target: 'boxKey', source: BOX_REF, required: true },
    {
      target: 'message',
      expression: `"Payment received: " + ${money('trigger.record.cashAmountApplied')} + " on invoice " + trigger.record.invoiceNo + " (sales order " + steps.invoice.salesOrderNo + ", check " + trigger.record.checkNo + "). " + (${PAID} ? "The invoice is paid in full; the order is completed." : "Still due on the invoice: " + ${money('trigger.record.invoiceBalance')} + ".") + " Customer open balance: " + ${money('steps.credit.currentBalance')} + "."`,
    },
  ]))
  .add('notFromDeal', 'map', 'Skip: not from a deal', skipped('"Invoice " + trigger.record.invoiceNo + " paid by customer " + trigger.record.arDivisionNo + "-" + trigger.record.customerNo + " has no Streak box reference (UDF_EXT_REF is empty): its order was not created from a deal, so there is no box to update."'), 1)
  .link('received', 'invoice')
  .link('invoice', 'fromDeal')
  .link('fromDeal', 'credit', 'true')
  .link('fromDeal', 'notFromDeal', 'false')
  .chain('credit', 'box', 'payment', 'update', 'comment');

export const paymentsToStreak: FlowTemplate = {
  key: 'payments-to-streak',
  name: 'Payments → Streak',
  description: 'When a cash receipt is applied to the invoice of an order made from a deal, comment "payment received" with the amount and invoice on the box and update its Open balance; paid in full sets Order status Completed.',
  graph: g.graph(),
};
