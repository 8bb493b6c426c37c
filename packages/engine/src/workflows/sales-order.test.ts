import { EmulatorControlClient } from '@conduit/sage100-gateway';
import { demoSeed } from '@conduit/streak-sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closedWonGraph } from '../test/flows';
import { createHarness, type Harness } from '../test/harness';

let h: Harness;
let boxKeys: string[];
const seed = demoSeed();
const fields = { po: seed.fields['PO reference']!, products: seed.fields['Products']!, orderNo: seed.fields['Sage sales order no']! };
const flowGraph = closedWonGraph({ pipelineKey: seed.pipelineKey, customerKey: '01-ACMEIND', fields, extraMaps: 0 });
/** A box as Streak delivers it: custom field values by field key. */
const wonBox = (key: string, values: { po?: string; products?: string }) => ({
  key,
  pipelineKey: seed.pipelineKey,
  fields: { ...(values.po ? { [fields.po]: values.po } : {}), ...(values.products ? { [fields.products]: values.products } : {}) },
});

beforeAll(async () => {
  h = await createHarness({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
  const boxes = (await fetch(`${h.sandbox.url}/api/v1/pipelines/${seed.pipelineKey}/boxes`, { headers: { authorization: `Bearer ${h.sandbox.apiKey}` } }).then((r) => r.json())) as Array<{ key: string }>;
  boxKeys = boxes.slice(10, 14).map((b) => b.key);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const gw = (path: string) => fetch(`${h.gateway.url}/v1/companies/ABC/${path}`, { headers: { authorization: `Bearer ${h.gateway.token}` } }).then((r) => r.json()) as Promise<{ data: { items: Array<{ salesOrderNo: string }> } }>;
const ordersFor = async (boxKey: string) => (await gw(`sales-orders?externalId=${encodeURIComponent(boxKey)}`)).data.items;
const box = (key: string) => fetch(`${h.sandbox.url}/api/v1/boxes/${key}`, { headers: { authorization: `Bearer ${h.sandbox.apiKey}` } }).then((r) => r.json()) as Promise<{ fields: Record<string, unknown> }>;
const products = 'ELEC-1001 x 2\nELEC-1004 x 10';

describe('Closed-Won → Sales Order against the Sage 100 gateway and the Streak sandbox', () => {
  it('creates the order with its lines and writes the order number back to the box', async () => {
    const flow = await h.deploy(flowGraph);
    const boxKey = boxKeys[0]!;
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', eventKey: `won-${boxKey}`, payload: wonBox(boxKey, { po: 'PO-1001', products }) });
    const outcome = await h.result(workflowId);
    expect(outcome.error).toBeUndefined();
    expect(outcome.status).toBe('succeeded');
    const [order] = await ordersFor(boxKey);
    expect(order?.salesOrderNo).toMatch(/^\d{7}$/);
    expect((await box(boxKey)).fields[fields.orderNo]).toBe(order?.salesOrderNo);
    expect((await h.db.run.findUniqueOrThrow({ where: { id: runId } })).searchKeys).toEqual(expect.arrayContaining([boxKey, order!.salesOrderNo]));
  });

  it('a timeout after Sage committed does not create a second order', async () => {
    const flow = await h.deploy(flowGraph);
    const boxKey = boxKeys[1]!;
    await new EmulatorControlClient(h.gateway.url).setFaults({ timeoutAfterCommit: 1 });
    const { workflowId } = await h.start(flow, { kind: 'webhook', eventKey: `won-${boxKey}`, payload: wonBox(boxKey, { po: 'PO-1002', products }) });
    expect((await h.result(workflowId)).status).toBe('succeeded');
    expect(await ordersFor(boxKey)).toHaveLength(1);
  });

  it('an invalid line refuses the whole order: a dead letter naming the item, and no partial order', async () => {
    const flow = await h.deploy(flowGraph);
    const boxKey = boxKeys[2]!;
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', eventKey: `won-${boxKey}`, payload: wonBox(boxKey, { po: 'PO-1003', products: `${products}\nNO-SUCH-ITEM x 1` }) });
    expect((await h.result(workflowId)).status).toBe('dead_lettered');
    const dl = await h.db.deadLetter.findFirstOrThrow({ where: { runId } });
    expect(dl.nodeId).toBe('create');
    expect(dl.message).toMatch(/NO-SUCH-ITEM/);
    expect(await ordersFor(boxKey)).toHaveLength(0);
  });

  it('a missing PO on the deal fails before anything is written, naming the field', async () => {
    const flow = await h.deploy(flowGraph);
    const boxKey = boxKeys[3]!;
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', eventKey: `won-${boxKey}`, payload: wonBox(boxKey, { products }) });
    expect((await h.result(workflowId)).status).toBe('dead_lettered');
    expect((await h.db.deadLetter.findFirstOrThrow({ where: { runId } })).message).toMatch(/customerPONo/);
    expect(await ordersFor(boxKey)).toHaveLength(0);
  });
});
