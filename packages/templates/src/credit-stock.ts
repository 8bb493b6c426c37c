// Credit and stock on the deal: the Sage customer's credit limit and balance (with the credit-hold flag) and
// the availability per warehouse of the deal's items, written to the box. A flow has one trigger, so there
// are two templates around one set of steps: when a deal enters Proposal, and every weekday morning for the
// deals sitting in Proposal. A customer newly seen on credit hold gets a task for the deal's owners.
import { DEMO_PIPELINE } from './demo-pipeline';
import { call, GraphBuilder, mapConfig, money, present, skipped } from './graph-parts';
import type { FlowTemplate } from './template';

const STAGE = 'Proposal';
const HOLD_MARK = 'ON CREDIT HOLD';
const DAY_MS = 86_400_000;

/** The checks for one box; `box` is where the box record is in scope, `from` the port they hang off. */
function checkDeal(g: GraphBuilder, box: string, from: { node: string; port: string }): GraphBuilder {
  const customer = `${box}.fieldsByName["Sage customer no"]`;
  const products = `${box}.fieldsByName.Products`;
  const heldBefore = `contains(string(${box}.fieldsByName["Credit limit"] ?? ""), "${HOLD_MARK}")`;
  return g
    .add('hasCustomer', 'condition', 'Linked to a Sage customer?', { expression: present(customer) })
    .add('credit', 'lookup', 'Read credit and balance', call('sage100@1', 'getCustomerCredit', [{ target: 'customerKey', source: customer, required: true }]))
    .add('deal', 'map', 'Items on the deal', mapConfig([{ target: 'itemCodes', expression: `isEmpty(${products}) ? [] : unique(parseLineItems(string(${products}))[].itemCode)` }]))
    .add('hasItems', 'condition', 'Any items?', { expression: 'count(steps.deal.itemCodes) > 0' })
    .add('stock', 'lookup', 'Read availability per warehouse', call('sage100@1', 'listAvailability', [{ target: 'itemCodes', source: 'steps.deal.itemCodes', required: true }]))
    .add('available', 'map', 'Stock per item', mapConfig([
      {
        target: 'lines[]',
        source: 'steps.stock.items[].itemCode',
        expression: '$value + ": " + (count($item.warehouses) == 0 ? "not stocked" : formatEach($item.warehouses, "{quantityAvailable} in {warehouseCode}", ", "))',
      },
    ]))
    .add('update', 'write', 'Write credit and stock to the box', call('streak@1', 'updateBox', [
      { target: 'boxKey', source: `${box}.key`, required: true },
      {
        target: 'fields',
        expression: `{ "Credit limit": ${money('steps.credit.creditLimit')} + (steps.credit.creditHold ? " (${HOLD_MARK})" : ""), "Open balance": ${money('steps.credit.currentBalance')}, "Inventory note": join(steps.available.lines, "; ") ?? "No items on the deal" }`,
      },
    ]))
    .add('newHold', 'condition', 'Newly on credit hold?', { expression: `steps.credit.creditHold && !${heldBefore}` })
    .add('task', 'write', 'Task for the deal owners', call('streak@1', 'createTask', [
      { target: 'boxKey', source: `${box}.key`, required: true },
      { target: 'text', expression: `"Customer " + ${customer} + " is on credit hold in Sage 100 (balance " + ${money('steps.credit.currentBalance')} + ", limit " + ${money('steps.credit.creditLimit')} + "). Sort out credit with accounts receivable before this deal can become an order."` },
      // Owners without an e-mail on file (a removed user) are left out rather than failing the task.
      { target: 'assignees', expression: `compact(${box}.assignees[].email)` },
      { target: 'dueDate', expression: `$now + ${DAY_MS}` },
    ]))
    .add('noCustomer', 'map', 'Skip: no Sage customer yet', skipped(`"The deal \\"" + ${box}.name + "\\" has no Sage customer no yet; credit and stock are checked once it is linked to a Sage customer."`), 1)
    .link(from.node, 'hasCustomer', from.port)
    .link('hasCustomer', 'credit', 'true')
    .link('hasCustomer', 'noCustomer', 'false')
    .chain('credit', 'deal', 'hasItems')
    .link('hasItems', 'stock', 'true')
    .link('hasItems', 'available', 'false')
    .chain('stock', 'available', 'update', 'newHold')
    .link('newHold', 'task', 'true');
}

const onProposal = new GraphBuilder()
  .add('moved', 'trigger', `Deal moved to ${STAGE}`, {
    type: 'webhook',
    connector: 'streak@1',
    event: 'boxEvent',
    params: { event: 'BOX_CHANGE_STAGE', pipelineKey: DEMO_PIPELINE.key },
    filter: `trigger.stageKey == ${JSON.stringify(DEMO_PIPELINE.stages[STAGE])}`,
  })
  // Webhook payloads carry the stage key only; the box read gives its name and field values by name.
  .add('box', 'lookup', 'Read the box', call('streak@1', 'getBox', [{ target: 'boxKey', source: 'trigger.key', required: true }]))
  .add('inProposal', 'condition', `Entered ${STAGE}?`, { expression: `steps.box.stageName == "${STAGE}"` })
  .add('otherStage', 'map', `Skip: not ${STAGE}`, skipped(`"The deal moved to " + (steps.box.stageName ?? "another stage") + "; credit and stock are checked when it enters ${STAGE}."`), 2)
  .chain('moved', 'box', 'inProposal')
  .link('inProposal', 'otherStage', 'false');
checkDeal(onProposal, 'steps.box', { node: 'inProposal', port: 'true' });

export const creditStockOnProposal: FlowTemplate = {
  key: 'credit-stock-on-proposal',
  name: `Credit and stock when a deal enters ${STAGE}`,
  description: `When a deal enters ${STAGE}: the Sage customer’s credit limit (marked when on credit hold) and open balance, and the availability per warehouse of the deal’s items, written to the box; a customer newly on credit hold gets a task for the deal’s owners.`,
  graph: onProposal.graph(),
};

const daily = new GraphBuilder()
  .add('morning', 'trigger', 'Weekdays at 7:00', { type: 'schedule', cron: '0 7 * * 1-5' })
  .add('deals', 'lookup', `Deals in ${STAGE}`, call('streak@1', 'listBoxes', [{ target: 'pipelineKey', expression: '"Sales"' }, { target: 'stage', expression: `"${STAGE}"` }]))
  .add('each', 'forEach', 'Each deal', { items: 'steps.deals.boxes', maxItems: 2000 })
  .link('morning', 'deals')
  .link('deals', 'each');
checkDeal(daily, 'steps.each.item', { node: 'each', port: 'each' });

export const creditStockDaily: FlowTemplate = {
  key: 'credit-stock-daily',
  name: `Credit and stock on ${STAGE} deals, every morning`,
  description: `Every weekday at 7:00, for each deal in ${STAGE} of the Sales pipeline: credit limit (marked when on credit hold), open balance and stock per warehouse of its items, refreshed from Sage 100; a customer newly on credit hold gets a task for the deal’s owners.`,
  graph: daily.graph(),
};
