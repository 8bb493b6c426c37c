import type { FlowGraph } from '@conduit/flow';
import { demoSeed } from '@conduit/streak-sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness';
import { withoutRef } from '@conduit/connector-streak';

let h: Harness;
let boxKey: string;
beforeAll(async () => {
  h = await createHarness({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
  const boxes = (await fetch(`${h.sandbox.url}/api/v1/pipelines/${demoSeed().pipelineKey}/boxes`, { headers: { authorization: `Bearer ${h.sandbox.apiKey}` } }).then((r) => r.json())) as Array<{ key: string }>;
  boxKey = boxes[3]!.key;
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const at = { x: 0, y: 0 };
const linesFlow: FlowGraph = {
  schemaVersion: 1,
  nodes: [
    { id: 'trigger', kind: 'trigger', label: 'Order', position: at, config: { type: 'webhook', connector: 'streak@1', event: 'BOX_EDIT' } },
    { id: 'lines', kind: 'forEach', label: 'Each line', position: at, config: { items: 'trigger.lines' } },
    { id: 'total', kind: 'map', label: 'Line total', position: at, config: { mapping: { fields: [{ target: 'amount', expression: 'steps.lines.item.qty * steps.lines.item.price' }] } } },
    { id: 'big', kind: 'condition', label: 'Big line?', position: at, config: { expression: 'steps.lines.item.qty > 495' } },
    { id: 'flag', kind: 'write', label: 'Comment', position: at, config: { connector: 'streak@1', action: 'addComment', inputs: { fields: [{ target: 'boxKey', source: 'trigger.boxKey' }, { target: 'message', expression: 'concat("big line ", string(steps.lines.index), ": ", string(steps.total.amount))' }] } } },
    { id: 'done', kind: 'map', label: 'Summary', position: at, config: { mapping: { fields: [{ target: 'lines', source: 'steps.lines.count' }] } } },
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'lines', targetPort: 'in' },
    { id: 'e2', source: 'lines', sourcePort: 'each', target: 'total', targetPort: 'in' },
    { id: 'e3', source: 'total', sourcePort: 'out', target: 'big', targetPort: 'in' },
    { id: 'e4', source: 'big', sourcePort: 'true', target: 'flag', targetPort: 'in' },
    { id: 'e5', source: 'lines', sourcePort: 'done', target: 'done', targetPort: 'in' },
  ],
};

describe('for-each', () => {
  it('runs 500 order lines in bounded batches, each iteration with its own branches, and records every step', async () => {
    const flow = await h.deploy(linesFlow);
    const lines = Array.from({ length: 500 }, (_, i) => ({ sku: `W-${i}`, qty: i, price: 2 }));
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', eventKey: 'lines-500', payload: { boxKey, lines } });
    const outcome = await h.result(workflowId);
    expect(outcome.error).toBeUndefined();
    expect(outcome.status).toBe('succeeded');
    expect(outcome.outputs.done).toEqual({ lines: 500 });
    const steps = await h.db.runStep.groupBy({ by: ['nodeId', 'status'], where: { runId }, _count: true });
    const count = (nodeId: string, status: string) => steps.find((s) => s.nodeId === nodeId && s.status === status)?._count ?? 0;
    expect(count('total', 'succeeded')).toBe(500);
    expect(count('flag', 'succeeded')).toBe(4);
    expect(count('flag', 'skipped')).toBe(496);
    const comments = (await fetch(`${h.sandbox.url}/api/v2/boxes/${boxKey}/comments`, { headers: { authorization: `Bearer ${h.sandbox.apiKey}` } }).then((r) => r.json())) as { results: Array<{ message: string }> };
    expect(comments.results.map((c) => withoutRef(c.message)).sort()).toEqual(['big line 496: 992', 'big line 497: 994', 'big line 498: 996', 'big line 499: 998']);
  }, 60_000);
});
