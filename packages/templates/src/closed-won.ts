// Closed-Won → Sales Order: when a deal reaches Closed-Won in Streak, read it with its organization and
// contacts, validate it, find or create the Sage 100 customer, price the lines in Sage, check the order for
// anomalies (approval when something looks off or the deal is big), create the order once, and write the
// order number and status back to the box with a comment. Only platform nodes; expressions live in
// closed-won-mappings.ts.
import * as m from './closed-won-mappings';
import { DEMO_PIPELINE } from './demo-pipeline';
import { call, GraphBuilder, mapConfig, skipped } from './graph-parts';
import type { FlowTemplate } from './template';

const WEEK = 7 * 86_400_000;

const g = new GraphBuilder()
  .add('won', 'trigger', 'Deal moved to Closed-Won', {
    type: 'webhook', connector: 'streak@1', event: 'boxEvent',
    params: { event: 'BOX_CHANGE_STAGE', pipelineKey: DEMO_PIPELINE.key },
    filter: `trigger.stageKey == ${JSON.stringify(DEMO_PIPELINE.stages['Closed-Won'])}`,
  })
  .add('box', 'lookup', 'Read the deal', call('streak@1', 'getBox', [{ target: 'boxKey', source: 'trigger.key', required: true }]))
  .add('parties', 'lookup', 'Read its organization and contacts', call('streak@1', 'getParties', [{ target: 'contactKeys', source: 'steps.box.contactKeys' }, { target: 'organizationKeys', source: 'steps.box.organizationKeys' }]))
  .add('deal', 'map', 'Check the required fields', mapConfig(m.deal))
  .add('prior', 'lookup', 'Order already made for this deal?', call('sage100@1', 'findSalesOrders', [{ target: 'externalId', source: 'steps.deal.boxKey' }, { target: 'limit', expression: '1' }]))
  .add('fresh', 'condition', 'No order yet?', { expression: 'count(steps.prior.items) == 0 && steps.deal.orderNo == null' })
  .add('party', 'map', 'Standardise the organization', mapConfig(m.party))
  .add('linked', 'condition', 'Deal has a Sage customer no?', { expression: 'steps.deal.link != null' })
  .add('byLink', 'lookup', 'Read the linked customer', call('sage100@1', 'getCustomer', [{ target: 'customerKey', source: 'steps.deal.link' }]), 1)
  .add('byDomain', 'lookup', 'Find customers by e-mail domain', call('sage100@1', 'findCustomers', [{ target: 'query', source: 'steps.party.domain' }, { target: 'limit', expression: '20' }]))
  .add('byName', 'lookup', 'Find customers by name', call('sage100@1', 'findCustomers', [{ target: 'query', source: 'steps.party.searchWord' }, { target: 'limit', expression: '50' }]))
  .add('pool', 'map', 'Candidates', mapConfig([{ target: 'all', expression: 'flatten([steps.byDomain.items, steps.byName.items])' }]))
  .add('match', 'map', 'Compare name, e-mail, phone, ZIP', mapConfig(m.match))
  .add('decide', 'map', 'Pick the customer', mapConfig(m.decide))
  .add('which', 'switch', 'Found, possible duplicate or new?', { cases: [{ port: 'found', when: 'steps.decide.customerKey != null' }, { port: 'review', when: 'steps.decide.possibleKey != null' }] })
  .add('dupReview', 'approval', 'Possible duplicate: review', {
    message: '"Possible duplicate customer: the Streak organization \\"" + steps.party.name + "\\" matches no Sage 100 customer by name, e-mail or phone, but " + steps.decide.possibleKey + " has the same ZIP code. Approve to create customer " + steps.party.customerNo + " anyway; reject, then put the right customer number in the deal\'s \\"Sage customer no\\" field and replay."',
    timeoutMs: WEEK, onTimeout: 'reject',
  }, 2)
  .add('create', 'write', 'Create the Sage customer', call('sage100@1', 'createCustomer', m.createCustomer), 1)
  .add('customer', 'map', 'Customer for the order', mapConfig(m.customer))
  .add('credit', 'lookup', 'Read credit status', call('sage100@1', 'getCustomerCredit', [{ target: 'customerKey', source: 'steps.customer.customerKey' }]))
  .add('orderLines', 'map', 'Lines in the base currency', mapConfig(m.orderLines))
  .add('pricing', 'write', 'Price the lines in Sage (nothing saved)', call('sage100@1', 'previewSalesOrder', m.orderInputs(false)))
  .add('history', 'lookup', "Customer's invoices of the last year", call('sage100@1', 'listInvoices', [
    { target: 'since', expression: 'formatDate(addDays($now, -365), "YYYY-MM-DD")' },
    { target: 'customerKey', source: 'steps.customer.customerKey' },
    { target: 'limit', expression: '200' },
  ]))
  .add('figures', 'map', 'Totals and history', mapConfig(m.figures))
  .add('checks', 'map', 'Anomaly checks', mapConfig(m.checks))
  .add('review', 'condition', 'Anything to approve?', { expression: 'count(steps.checks.reasons) > 0' })
  .add('approve', 'approval', 'Approve the order', { message: m.approvalMessage, timeoutMs: 3 * 86_400_000, onTimeout: 'reject' }, 1)
  .add('order', 'write', 'Create the sales order', call('sage100@1', 'createSalesOrder', m.orderInputs(true)))
  .add('writeBack', 'write', 'Order number and status to the box', call('streak@1', 'updateBox', [
    { target: 'boxKey', source: 'steps.deal.boxKey' },
    { target: 'fields', expression: `{ "Sage sales order no": steps.order.salesOrderNo, "Order status": ${m.ORDER_STATUS}, "Sage customer no": steps.customer.customerKey }` },
  ]))
  .add('comment', 'write', 'Comment with a summary', call('streak@1', 'addComment', [{ target: 'boxKey', source: 'steps.deal.boxKey' }, { target: 'message', expression: m.summary }]))
  .add('already', 'map', 'Skip: order exists', skipped('"Deal " + steps.deal.name + " already has Sage sales order " + (first(steps.prior.items).salesOrderNo ?? steps.deal.orderNo) + "; no second order was created."'), 2)
  .add('dupStop', 'write', 'Say why no order', call('streak@1', 'addComment', [{ target: 'boxKey', source: 'steps.deal.boxKey' }, { target: 'message', expression: '"No sales order yet: " + (steps.dupReview.by ?? "the reviewer") + " did not confirm a new Sage customer for " + steps.party.name + ". Fill in \\"Sage customer no\\" on the deal and move it to Closed-Won again."' }]), 3)
  .add('rejected', 'write', 'Say the order was refused', call('streak@1', 'addComment', [{ target: 'boxKey', source: 'steps.deal.boxKey' }, { target: 'message', expression: '"No sales order: " + (steps.approve.by ?? "the approver") + " rejected it" + (steps.approve.comment == null ? "." : " (" + steps.approve.comment + ").") + " Reasons shown: " + join(steps.checks.reasons, " ")' }]), 2)
  .chain('won', 'box', 'parties', 'deal', 'prior', 'fresh')
  .link('fresh', 'party', 'true')
  .link('fresh', 'already', 'false')
  .link('party', 'linked')
  .link('linked', 'byLink', 'true')
  .link('linked', 'byDomain', 'false')
  .chain('byDomain', 'byName', 'pool', 'match', 'decide', 'which')
  .link('which', 'customer', 'found')
  .link('which', 'dupReview', 'review')
  .link('which', 'create', 'default')
  .link('dupReview', 'create', 'approved')
  .link('dupReview', 'dupStop', 'rejected')
  .link('byLink', 'customer')
  .link('create', 'customer')
  .chain('customer', 'credit', 'orderLines', 'pricing', 'history', 'figures', 'checks', 'review')
  .link('review', 'approve', 'true')
  .link('review', 'order', 'false')
  .link('approve', 'order', 'approved')
  .link('approve', 'rejected', 'rejected')
  .chain('order', 'writeBack', 'comment');

/**
 * What Streak's webhook delivers when the demo's "Acme Industrial Supply – Q3 restock" deal reaches Closed-Won
 * (the sandbox seed is deterministic; closed-won.test.ts checks the key): the designer's preview and test runs start from it.
 */
const SAMPLE_DEAL = {
  key: 'agxzfm1haWxmb29nYWVyCxIEQ2FzZRgA5wCVfrkC_yNEdpY',
  name: 'Acme Industrial Supply – Q3 restock',
  pipelineKey: DEMO_PIPELINE.key,
  stageKey: DEMO_PIPELINE.stages['Closed-Won'],
  stageName: null,
  notes: '',
  creationTimestamp: 1765033200000,
  lastUpdatedTimestamp: 1765119600000,
  lastStageChangeTimestamp: 1765119600000,
  assignees: [],
  contactKeys: ['agxzfm1haWxmb29nYWVyCxIHQ29udGFjdBgofljfBOnJl4T_lqY'],
  organizationKeys: ['agxzfm1haWxmb29nYWVyCxIMT3JnYW5pemF0aW9uGMTSGumPOD4crCo11A'],
  fields: { '1001': '201.50', '1002': '9001', '1003': 'ELEC-1001 x 4\nSAFE-1002 x 10', '1004': 'PO-044070', '1005': '01-ACMEIND' },
  fieldLabels: { '1001': '201.50', '1002': '9001', '1003': 'ELEC-1001 x 4\nSAFE-1002 x 10', '1004': 'PO-044070', '1005': '01-ACMEIND' },
  fieldsByName: {},
};

export const closedWonSalesOrder: FlowTemplate = {
  key: 'closed-won-sales-order',
  name: 'Closed-Won → Sales Order',
  description:
    'When a deal reaches Closed-Won in Streak: check its required fields, find the Sage 100 customer (stored link, then name, e-mail domain or phone; a possible duplicate goes to review) or create it, price the products in Sage, convert to the base currency, ask for approval when the deal is over the threshold or looks unusual, create the sales order once, and write its number and status back to the box with a comment.',
  graph: g.graph(),
  samples: { won: SAMPLE_DEAL },
};
