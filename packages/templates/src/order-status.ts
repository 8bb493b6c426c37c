// Order status back to Streak. Sage 100 reports order life in two places: the open order header (new, open,
// on hold; shipped once lines carry shipped quantities) and, once the sales journal posts, the invoice history
// (the open order is deleted then, which a stamp-based change feed cannot see). So there are two small flows,
// one per change feed; "Completed" comes from the payments flow when the invoice is paid in full.
// The box is the one whose key the order carries in UDF_EXT_REF (createSalesOrder's externalId).
import { call, GraphBuilder, mapConfig, money, present, skipped, stageFor } from './graph-parts';
import type { FlowTemplate } from './template';

const feed = (table: string) => ({ type: 'changeFeed' as const, connector: 'sage100@1', feed: 'recordChanged', params: { table }, pollSeconds: 15 });
const BOX_REF = 'trigger.record.udf.EXT_REF';
// Sage keeps Hold as the order status; "shipped" is not a status in Sage but shipped quantities on the lines.
const OPEN_ORDER_STATUS = 'trigger.record.orderStatus == "H" ? "On Hold" : (sum(steps.order.lines[].quantityShipped) > 0 ? "Shipped" : "Open")';

/** Status → box: update the fields (and stage, when the table names one), then say so on the timeline. */
function writeBack(g: GraphBuilder, from: { node: string; port: string }, message: string): GraphBuilder {
  return g
    // Only a move: a box already in the mapped stage keeps quiet about it.
    .add('stage', 'map', 'Stage for the status (edit the table)', mapConfig([{ target: 'stage', expression: stageFor('steps.status.value'), when: `${stageFor('steps.status.value')} != steps.box.stageName` }]))
    .add('update', 'write', 'Update the box', call('streak@1', 'updateBox', [
      { target: 'boxKey', source: BOX_REF, required: true },
      { target: 'fields', source: 'steps.status.fields' },
      { target: 'stage', source: 'steps.stage.stage' },
    ]))
    .add('comment', 'write', 'Comment on the box', call('streak@1', 'addComment', [{ target: 'boxKey', source: BOX_REF, required: true }, { target: 'message', expression: message }]))
    .link(from.node, 'stage', from.port)
    .chain('stage', 'update', 'comment');
}

const openOrders = new GraphBuilder()
  .add('changed', 'trigger', 'Sales order changed in Sage 100', feed('SO_SalesOrderHeader'))
  .add('fromDeal', 'condition', 'Order came from a deal?', { expression: present(BOX_REF) })
  .add('order', 'lookup', 'Read the order and its lines', call('sage100@1', 'getSalesOrder', [{ target: 'salesOrderNo', source: 'trigger.record.salesOrderNo', required: true }]))
  .add('box', 'lookup', 'Read the box', call('streak@1', 'getBox', [{ target: 'boxKey', source: BOX_REF, required: true }]))
  .add('status', 'map', 'Order status for Streak', mapConfig([
    { target: 'value', expression: OPEN_ORDER_STATUS },
    { target: 'previous', source: 'steps.box.fieldsByName["Order status"]' },
    { target: 'fields', expression: `{ "Order status": ${OPEN_ORDER_STATUS}, "Sage sales order no": trigger.record.salesOrderNo }` },
  ]))
  .add('changedStatus', 'condition', 'Status differs from the box?', { expression: 'steps.status.value != steps.status.previous' })
  .add('notFromDeal', 'map', 'Skip: not from a deal', skipped('"Sales order " + trigger.record.salesOrderNo + " has no Streak box reference (UDF_EXT_REF is empty): it was not created from a deal, so there is no box to update."'), 1)
  .add('sameStatus', 'map', 'Skip: box already up to date', skipped('"The box already shows order status " + steps.status.value + " for sales order " + trigger.record.salesOrderNo + "; nothing to write."'), 1)
  .link('changed', 'fromDeal')
  .link('fromDeal', 'order', 'true')
  .link('fromDeal', 'notFromDeal', 'false')
  .chain('order', 'box', 'status', 'changedStatus')
  .link('changedStatus', 'sameStatus', 'false');
writeBack(openOrders, { node: 'changedStatus', port: 'true' }, '"Sage 100: sales order " + trigger.record.salesOrderNo + " is now " + steps.status.value + (steps.stage.stage == null ? "" : "; the deal moves to " + steps.stage.stage) + "."');

export const orderStatusToStreak: FlowTemplate = {
  key: 'order-status-to-streak',
  name: 'Order status → Streak',
  description: 'When a Sage 100 sales order made from a deal changes (open, on hold, shipped), set the box’s Order status, move it to the stage the status maps to, and comment.',
  graph: openOrders.graph(),
};

const invoices = new GraphBuilder()
  .add('posted', 'trigger', 'Invoice posted in Sage 100', feed('AR_InvoiceHistoryHeader'))
  .add('fromDeal', 'condition', 'Invoice for an order from a deal?', { expression: present(BOX_REF) })
  .add('credit', 'lookup', 'Read the customer balance', call('sage100@1', 'getCustomerCredit', [{ target: 'customerKey', expression: 'trigger.record.arDivisionNo + "-" + trigger.record.customerNo', required: true }]))
  .add('invoice', 'lookup', 'Read the invoice total', call('sage100@1', 'getInvoice', [{ target: 'invoiceNo', source: 'trigger.record.invoiceNo', required: true }]))
  .add('box', 'lookup', 'Read the box', call('streak@1', 'getBox', [{ target: 'boxKey', source: BOX_REF, required: true }]))
  .add('status', 'map', 'Order status for Streak', mapConfig([
    { target: 'value', expression: '"Invoiced"' },
    { target: 'fields', expression: `{ "Order status": "Invoiced", "Sage sales order no": trigger.record.salesOrderNo, "Open balance": ${money('steps.credit.currentBalance')} }` },
  ]))
  .add('notFromDeal', 'map', 'Skip: not from a deal', skipped('"Invoice " + trigger.record.invoiceNo + " (sales order " + trigger.record.salesOrderNo + ") has no Streak box reference (UDF_EXT_REF is empty): the order was not created from a deal, so there is no box to update."'), 1)
  .link('posted', 'fromDeal')
  .link('fromDeal', 'credit', 'true')
  .link('fromDeal', 'notFromDeal', 'false')
  .chain('credit', 'invoice', 'box', 'status');
writeBack(invoices, { node: 'status', port: 'out' }, `"Sage 100: invoice " + trigger.record.invoiceNo + " posted for sales order " + trigger.record.salesOrderNo + ": " + ${money('steps.invoice.invoiceTotal')} + " due " + string(trigger.record.invoiceDueDate ?? "on receipt") + "." + (steps.stage.stage == null ? "" : " The deal moves to " + steps.stage.stage + ".")`);

export const invoicedToStreak: FlowTemplate = {
  key: 'invoice-posted-to-streak',
  name: 'Invoice posted → Streak',
  description: 'When Sage 100 posts the invoice for an order made from a deal, set the box’s Order status to Invoiced and its Open balance to the customer’s balance, move the stage if mapped, and comment with the amount.',
  graph: invoices.graph(),
};
