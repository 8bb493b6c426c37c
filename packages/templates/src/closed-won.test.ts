// Closed-Won → Sales Order end to end: boxes are dragged to Closed-Won through the Streak sandbox's API, its
// webhook reaches the engine's ingress, the flow runs on the Temporal test server against the Sage 100 gateway
// on its emulator, and the tests read the effects back from both systems and from the run history.
import { DEMO_SCENARIOS, sandboxControl } from '@conduit/streak-sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ClosedWonLab, decide, eventually, type Order, pendingApproval } from './closed-won-lab';
import { closedWonSalesOrder } from './closed-won';
import { TEMPLATES } from './index';
import { DEMO_DEPLOYED, installTemplates } from './install';
import type { Lab } from './test-lab';

let cw: ClosedWonLab;
let lab: Lab;
const scenario = (organization: string) => DEMO_SCENARIOS.find((s) => s.organization === organization)!.name;
const close = (boxKey: string) => cw.close(boxKey);
const setFields = (boxKey: string, fields: Record<string, string | null>) => cw.setFields(boxKey, fields);
const ordersFor = (boxKey: string) => cw.ordersFor(boxKey);

beforeAll(async () => {
  cw = await ClosedWonLab.start({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
  lab = cw.lab;
}, 120_000);
afterAll(async () => {
  await cw?.stop();
});

describe('installing the templates', () => {
  it('creates every template as a flow with a saved version, deploys Closed-Won to dev with its Streak webhook, and changes nothing when run again', async () => {
    const flows = await lab.h.db.flow.findMany({ where: { workspaceId: lab.h.workspaceId }, include: { versions: true } });
    expect(flows.map((f) => [f.name, f.versions.length]).sort()).toEqual(TEMPLATES.map((t) => [t.name, 1]).sort());
    expect(cw.installed).toMatchObject({ deployed: ['closed-won-sales-order'], warnings: [] });
    const deployment = await lab.h.db.deployment.findFirstOrThrow({ where: { flowId: cw.flowId, active: true }, include: { environment: true } });
    expect(deployment.environment.key).toBe('dev');
    const hooksOnStreak = await lab.streak<Array<{ key: string; targetUrl: string; event: string }>>('GET', `/v2/pipelines/${lab.seed.pipelineKey}/webhooks`);
    expect(hooksOnStreak.filter((w) => deployment.webhookKeys.includes(w.key))).toEqual([expect.objectContaining({ event: 'BOX_CHANGE_STAGE', targetUrl: expect.stringContaining(`${cw.hooks.url}/api/hooks/streak/dev/`) })]);
    expect(deployment.environment.variables).toMatchObject({ baseCurrency: 'USD', rate_EUR: 1.08, approvalThreshold: 10000 });
    expect(await cw.install()).toEqual({ created: [], deployed: [], warnings: [] });
    // The designer's sample is a real deal of the seeded sandbox.
    const sample = closedWonSalesOrder.samples?.won as { key: string; organizationKeys: string[] };
    expect(sample.key).toBe(await lab.boxNamed(scenario('Acme Industrial Supply')));
    expect((await lab.streak<{ organizations: { key: string }[] }>('GET', `/v1/boxes/${sample.key}`)).organizations.map((o) => o.key)).toEqual(sample.organizationKeys);
    expect(await lab.h.db.deployment.count({ where: { flowId: cw.flowId } })).toBe(1);
  });
});

describe('Closed-Won → Sales Order', () => {
  it('a deal with a stored customer link becomes an order with its lines; the box gets the number, status and a comment', async () => {
    const boxKey = await lab.boxNamed(scenario('Acme Industrial Supply'));
    const run = await cw.finish(await close(boxKey));
    expect(run.error).toBeUndefined();
    expect(run.status).toBe('succeeded');
    const [found, ...more] = await ordersFor(boxKey);
    expect(more).toEqual([]);
    const order = await lab.sage<Order>('GET', `/sales-orders/${found!.salesOrderNo}`);
    expect(order).toMatchObject({ customerKey: '01-ACMEIND', lines: [{ itemCode: 'ELEC-1001', quantityOrdered: 4, unitPrice: 18.5 }, { itemCode: 'SAFE-1002', quantityOrdered: 10, unitPrice: 12.75 }] });
    expect(await lab.box(boxKey)).toMatchObject({ stage: 'Closed-Won', fields: { 'Sage sales order no': order!.salesOrderNo, 'Order status': 'Open', 'Sage customer no': '01-ACMEIND' } });
    expect((await lab.comments(boxKey)).at(-1)).toMatch(new RegExp(`^Sage 100 sales order ${order!.salesOrderNo} created for customer 01-ACMEIND \\(by the stored link\\): 2 lines, `));
    const history = await lab.history(run.runId);
    expect(history.status).toBe('succeeded');
    expect(history.steps).toMatchObject({ won: 'succeeded', box: 'succeeded', deal: 'succeeded', byLink: 'succeeded', byName: 'skipped', approve: 'skipped', order: 'succeeded', writeBack: 'succeeded', comment: 'succeeded' });
  });

  it('finds a customer by its normalised name when the deal has no link, and stores the link', async () => {
    const boxKey = await lab.boxNamed(scenario('Summit Ridge Construction'));
    expect((await cw.finish(await close(boxKey))).status).toBe('succeeded');
    expect((await ordersFor(boxKey))[0]?.customerKey).toBe('01-SUMMITR');
    expect((await lab.box(boxKey)).fields['Sage customer no']).toBe('01-SUMMITR');
  });

  it('creates a new customer with a normalised key and the standardised address, riding out a Sage record lock on it', async () => {
    const boxKey = await lab.boxNamed(scenario('Copperline Robotics'));
    await lab.emulator.holdLock({ table: 'AR_Customer', key: ['01', 'COPPERLINEROBOTICS'], seconds: 2, user: 'JSMITH' });
    const run = await cw.finish(await close(boxKey));
    expect([run.status, run.error]).toEqual(['succeeded', undefined]);
    const customer = await lab.sage<Record<string, unknown>>('GET', '/customers/01-COPPERLINEROBOTICS');
    expect(customer).toMatchObject({ customerName: 'Copperline Robotics', addressLine1: '415 Foundry Street', city: 'Pittsburgh', state: 'PA', zipCode: '15222' });
    expect((await ordersFor(boxKey))[0]?.customerKey).toBe('01-COPPERLINEROBOTICS');
  });

  it('waits for an approver when the deal is over the threshold, with the reason in the approval, then writes the order', async () => {
    const boxKey = await lab.boxNamed(scenario('Lone Star Restaurant Group'));
    const run = await close(boxKey);
    const approval = await pendingApproval(lab, run.id);
    expect(approval.reason).toMatch(/is over the approval threshold of 10,?000\.00 USD/);
    expect(await ordersFor(boxKey)).toEqual([]);
    await decide(lab, approval.id, true);
    expect((await cw.finish(run)).status).toBe('succeeded');
    expect(await ordersFor(boxKey)).toHaveLength(1);
  });

  it('stops at a missing mandatory field with a dead letter naming the Streak field, and writes nothing', async () => {
    const boxKey = await lab.boxNamed(scenario('Harbor Point Logistics'));
    const run = await cw.finish(await close(boxKey));
    expect(run.status).toBe('dead_lettered');
    const dl = await lab.h.db.deadLetter.findFirstOrThrow({ where: { runId: run.runId } });
    expect(dl).toMatchObject({ nodeId: 'deal', reasonCode: 'MAPPING', message: expect.stringContaining('Fill in the Streak field "PO reference" on the deal') });
    expect(dl.suggestion).toMatch(/fill the missing field/);
    expect(await ordersFor(boxKey)).toEqual([]);
    expect((await lab.box(boxKey)).fields['Sage sales order no']).toBeUndefined();
  });

  it('routes a credit-hold customer to approval; a rejection writes no order and says why on the box', async () => {
    const boxKey = await lab.boxNamed(scenario('Great Lakes Brewing Supply'));
    const run = await close(boxKey);
    const approval = await pendingApproval(lab, run.id);
    expect(approval.reason).toContain('Customer 01-GREATLK is on credit hold in Sage 100');
    await decide(lab, approval.id, false, 'collect the overdue invoices first');
    expect((await cw.finish(run)).status).toBe('succeeded');
    expect(await ordersFor(boxKey)).toEqual([]);
    expect((await lab.comments(boxKey)).at(-1)).toMatch(/^No sales order: approver@lab\.test rejected it \(collect the overdue invoices first\)\./);
  });

  it('refuses the whole order when one product is unknown to Sage: a dead letter naming the item, no partial order', async () => {
    const boxKey = await lab.boxIn('Negotiation', 6);
    await setFields(boxKey, { Products: 'ELEC-1001 x 2\nNO-SUCH-ITEM x 1' });
    const run = await cw.finish(await close(boxKey));
    expect(run.status).toBe('dead_lettered');
    const dl = await lab.h.db.deadLetter.findFirstOrThrow({ where: { runId: run.runId } });
    expect(dl).toMatchObject({ nodeId: 'pricing', message: expect.stringContaining('NO-SUCH-ITEM is not on file') });
    expect(await ordersFor(boxKey)).toEqual([]);
  });

  it('fails a lookup of a linked customer Sage does not have with a dead letter that says what to fix', async () => {
    const boxKey = await lab.boxIn('Negotiation', 7);
    await setFields(boxKey, { 'Sage customer no': '01-NOSUCH' });
    const run = await cw.finish(await close(boxKey));
    expect(run.status).toBe('dead_lettered');
    const dl = await lab.h.db.deadLetter.findFirstOrThrow({ where: { runId: run.runId } });
    expect(dl).toMatchObject({ nodeId: 'byLink', reasonCode: 'NOT_FOUND' });
    expect(dl.suggestion).toMatch(/01-NOSUCH does not exist in the other system: create it or fix the value/);
  });

  it('takes a webhook Streak delivers twice (the first reply was lost) as one run and one order', async () => {
    const boxKey = await lab.boxIn('Negotiation', 8);
    cw.hooks.loseReplies(1);
    const run = await cw.finish(await close(boxKey));
    expect(run.status).toBe('succeeded');
    const delivery = await eventually('the redelivery', async () => (await sandboxControl(lab.h.sandbox.url).deliveries()).find((d) => JSON.stringify(d.payload).includes(boxKey) && d.status === 'delivered'));
    expect(delivery.attempts).toBe(2);
    expect(await lab.h.db.run.count({ where: { flowId: cw.flowId, searchKeys: { has: boxKey } } })).toBe(1);
    expect(await ordersFor(boxKey)).toHaveLength(1);
  });

  it('a timeout after Sage committed the order does not create a second one', async () => {
    const boxKey = await lab.boxIn('Negotiation', 9);
    await lab.emulator.setFaults({ timeoutAfterCommit: 1 });
    const run = await cw.finish(await close(boxKey));
    expect(run.status).toBe('succeeded');
    expect(await ordersFor(boxKey)).toHaveLength(1);
    expect((await lab.emulator.state()).faults.timeoutAfterCommit).toBe(0);
  });

  it('converts a deal in EUR to the base currency with the environment\'s rate, keeping the deal\'s price override', async () => {
    await lab.sage('POST', '/customers', { arDivisionNo: '01', customerNo: 'FXTEST', customerName: 'Euro Trading GmbH' });
    const boxKey = await lab.boxIn('Negotiation', 10);
    await setFields(boxKey, { Currency: lab.seed.options.Currency!.EUR!, Products: 'ELEC-1001 x 10 @ 20.00', 'Deal value': '200.00', 'Sage customer no': '01-FXTEST' });
    const run = await cw.finish(await close(boxKey));
    expect([run.status, run.error]).toEqual(['succeeded', undefined]);
    const order = await lab.sage<Order>('GET', `/sales-orders/${(await ordersFor(boxKey))[0]!.salesOrderNo}`);
    expect(order.lines).toEqual([expect.objectContaining({ itemCode: 'ELEC-1001', quantityOrdered: 10, unitPrice: 21.6 })]);
  });

  it('sends a possible duplicate customer (same ZIP, similar name) to review before creating it', async () => {
    const boxKey = await lab.boxIn('Negotiation', 12);
    const org = await lab.streak<{ key: string }>('POST', `/v2/teams/${lab.seed.teamKey}/organizations`, { name: 'Harbor Pointe Freight', domains: ['harborpointefreight.com'], addresses: ['9 Terminal Way, Baltimore, MD 21224'], phoneNumbers: ['410-555-0999'] });
    await lab.streak('POST', `/v1/boxes/${boxKey}`, { organizations: [{ key: org.key, isStarred: false }], fields: { [lab.seed.fields['Sage customer no']!]: null } });
    const run = await close(boxKey);
    const approval = await pendingApproval(lab, run.id);
    expect(approval).toMatchObject({ nodeId: 'dupReview', reason: expect.stringContaining('but 01-HARBORP has the same ZIP code. Approve to create customer HARBORPOINTEFREIGHT anyway') });
    await decide(lab, approval.id, true);
    expect((await cw.finish(run)).status).toBe('succeeded');
    expect((await ordersFor(boxKey))[0]?.customerKey).toBe('01-HARBORPOINTEFREIGHT');
  });
});

describe('installing the demo set', () => {
  it('deploys the webhook templates of the demo loop and says which change-feed and scheduled templates need the engine, deploying nothing twice', async () => {
    const r = await installTemplates(lab.h.db, lab.h.workspaceId, { secrets: lab.h.secrets, publicUrl: cw.hooks.url });
    expect(r).toMatchObject({ created: [], deployed: ['credit-stock-on-proposal'] });
    expect(r.warnings).toEqual(DEMO_DEPLOYED.filter((k) => !['closed-won-sales-order', 'credit-stock-on-proposal'].includes(k)).map((k) => expect.stringMatching(new RegExp(`^${TEMPLATES.find((t) => t.key === k)!.name} was not deployed: This flow (polls a change feed|runs on a schedule), which needs the engine`))));
  });
});
