import { triggerSchedule } from '@conduit/engine/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { creditStockDaily, creditStockOnProposal } from './credit-stock';
import { type DeployedTemplate, Lab } from './test-lab';
import { withoutRef } from '@conduit/connector-streak';

let lab: Lab;
let onProposal: DeployedTemplate;
let events = 0;

beforeAll(async () => {
  lab = await Lab.start({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
  onProposal = await lab.deploy(creditStockOnProposal);
}, 120_000);
afterAll(async () => {
  await lab?.close();
});

/** Drags the box to a stage and delivers Streak's BOX_CHANGE_STAGE webhook for it, as the ingress starts it. */
async function drag(boxKey: string, stage: string) {
  const box = await lab.moveTo(boxKey, stage);
  await lab.h.start(onProposal, { kind: 'webhook', event: 'BOX_CHANGE_STAGE', eventKey: `BOX_CHANGE_STAGE:${boxKey}:${++events}`, payload: box });
  const runs = await lab.finished(onProposal.flowId);
  expect(runs).toHaveLength(1);
  return runs[0]!;
}
const credit = (customer: string) => lab.sage<{ creditLimit: number; currentBalance: number; creditHold: boolean }>('GET', `/customers/${customer}/credit`);
/** The availability the gateway reports, written the way the template writes it. */
async function stockNote(items: string): Promise<string> {
  const stock = await lab.sage<{ items: { itemCode: string; warehouses: { warehouseCode: string; quantityAvailable: number }[] }[] }>('GET', `/availability?items=${items}`);
  return stock.items.map((i) => `${i.itemCode}: ${i.warehouses.map((w) => `${w.quantityAvailable} in ${w.warehouseCode}`).join(', ')}`).join('; ');
}
const tasks = async (boxKey: string) => (await lab.streak<{ results: { text: string; assignedTo?: { email: string }[] }[] }>('GET', `/v2/boxes/${boxKey}/tasks`)).results.map((t) => ({ ...t, text: withoutRef(t.text) }));

describe('Credit and stock when a deal enters Proposal', () => {
  it('writes credit limit, open balance and stock per warehouse of the deal’s items to the box', async () => {
    const boxKey = await lab.boxNamed('Acme Industrial Supply – Q3 restock');
    const run = await drag(boxKey, 'Proposal');
    expect([run.status, run.error]).toEqual(['succeeded', undefined]);
    const c = await credit('01-ACMEIND');
    const note = await stockNote('ELEC-1001,SAFE-1002');
    expect(c.creditHold).toBe(false);
    expect((await lab.box(boxKey)).fields).toMatchObject({ 'Credit limit': c.creditLimit.toFixed(2), 'Open balance': c.currentBalance.toFixed(2), 'Inventory note': note });
    expect(await tasks(boxKey)).toEqual([]);
  });

  it('a customer on credit hold is marked on the box and the deal owners get one task, not one per check', async () => {
    const boxKey = await lab.boxNamed('Great Lakes Brewing Supply – Seasonal top-up');
    const run = await drag(boxKey, 'Proposal');
    expect(run.status).toBe('succeeded');
    const c = await credit('01-GREATLK');
    expect(c.creditHold).toBe(true);
    expect((await lab.box(boxKey)).fields['Credit limit']).toBe(`${c.creditLimit.toFixed(2)} (ON CREDIT HOLD)`);
    const owners = (await lab.streak<{ assignedToSharingEntries: { email: string }[] }>('GET', `/v1/boxes/${boxKey}`)).assignedToSharingEntries.map((a) => a.email);
    const [task, ...more] = await tasks(boxKey);
    expect(more).toEqual([]);
    expect(task?.text).toBe(`Customer 01-GREATLK is on credit hold in Sage 100 (balance ${c.currentBalance.toFixed(2)}, limit ${c.creditLimit.toFixed(2)}). Sort out credit with accounts receivable before this deal can become an order.`);
    expect(task?.assignedTo?.map((a) => a.email)).toEqual(owners);

    await drag(boxKey, 'Negotiation');
    expect((await drag(boxKey, 'Proposal')).status).toBe('succeeded');
    expect(await tasks(boxKey)).toHaveLength(1);
  });

  it('a move to another stage, or a deal with no Sage customer, ends skipped with the reason', async () => {
    const other = await drag(await lab.boxIn('Qualified'), 'Lead');
    expect(other.outputs.otherStage).toEqual({ skipped: true, reason: 'The deal moved to Lead; credit and stock are checked when it enters Proposal.' });
    // Deals matched to Sage by name, not by a stored link, have no "Sage customer no" until they become orders.
    const boxes = await lab.streak<{ key: string; name: string; stageKey: string; fields: Record<string, unknown> }[]>('GET', `/v1/pipelines/${lab.seed.pipelineKey}/boxes`);
    const unlinked = boxes.find((b) => b.stageKey === lab.seed.stages.Negotiation && !b.fields[lab.seed.fields['Sage customer no']!])!;
    const run = await drag(unlinked.key, 'Proposal');
    expect(run.outputs.noCustomer).toEqual({ skipped: true, reason: `The deal "${unlinked.name}" has no Sage customer no yet; credit and stock are checked once it is linked to a Sage customer.` });
    expect((await lab.history(run.runId)).steps).toMatchObject({ credit: 'skipped', update: 'skipped' });
  });
});

describe('Credit and stock on Proposal deals, every morning', () => {
  it('refreshes every Proposal deal linked to a Sage customer, with stock as it is now', async () => {
    const daily = await lab.deploy(creditStockDaily);
    const boxKey = await lab.boxNamed('Acme Industrial Supply – Q3 restock');
    await lab.emulator.setStock({ itemCode: 'ELEC-1001', warehouseCode: '000', quantityOnHand: 0 });
    // The schedule its deployment makes, fired once: the test server has no Schedules, so the workflow a fire starts is started directly.
    const fire = triggerSchedule({ environment: lab.h.environment, ...daily });
    expect(fire).toMatchObject({ kind: 'schedule', spec: { cronExpressions: ['0 7 * * 1-5'] }, workflowType: 'scheduledFire' });
    expect(await lab.h.temporal.client.workflow.execute(fire!.workflowType, { taskQueue: lab.h.taskQueue, workflowId: `fire-${daily.flowId}`, args: fire!.args })).toEqual({ started: 1 });
    const [run] = await lab.finished(daily.flowId);
    expect([run?.status, run?.error]).toEqual(['succeeded', undefined]);
    const proposal = (await lab.streak<{ stageKey: string; fields: Record<string, unknown> }[]>('GET', `/v1/pipelines/${lab.seed.pipelineKey}/boxes`)).filter((b) => b.stageKey === lab.seed.stages.Proposal);
    const linked = proposal.filter((b) => b.fields[lab.seed.fields['Sage customer no']!]);
    const steps = await lab.h.db.runStep.groupBy({ by: ['nodeId', 'status'], where: { runId: run!.runId }, _count: true });
    const count = (nodeId: string, status: string) => steps.find((s) => s.nodeId === nodeId && s.status === status)?._count ?? 0;
    expect(count('update', 'succeeded')).toBe(linked.length);
    expect(count('noCustomer', 'succeeded')).toBe(proposal.length - linked.length);
    expect((await lab.box(boxKey)).fields['Inventory note']).toBe(await stockNote('ELEC-1001,SAFE-1002'));
  });
});
