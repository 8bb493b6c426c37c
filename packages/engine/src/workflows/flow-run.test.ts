import { sandboxControl, demoSeed } from '@conduit/streak-sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chain, createHarness, type Harness } from '../test/harness';
import { withoutRef } from '@conduit/connector-streak';

let h: Harness;
const seed = demoSeed();
let boxKey: string;

beforeAll(async () => {
  h = await createHarness({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
  const res = await fetch(`${h.sandbox.url}/api/v1/pipelines/${seed.pipelineKey}/boxes`, { headers: { authorization: `Bearer ${h.sandbox.apiKey}` } });
  const boxes = (await res.json()) as Array<{ key: string }>;
  boxKey = boxes[0]!.key;
}, 120_000);
afterAll(async () => {
  await h?.close();
});

// The node's own retry policy: quick and many attempts, so a 60% failure rate cannot outlast the test
// (with the default back-off six failures in a row already take 31 s).
const quickRetry = { maxAttempts: 25, initialIntervalMs: 50, backoffCoefficient: 1.5, maximumIntervalMs: 400 };
const commentFlow = (text: string) =>
  chain([
    { id: 'prepare', kind: 'map', config: { mapping: { fields: [{ target: 'text', expression: `concat("${text}: ", trigger.name)` }, { target: 'boxKey', source: 'trigger.boxKey' }] } } },
    { id: 'comment', kind: 'write', config: { connector: 'streak@1', action: 'addComment', retry: quickRetry, inputs: { fields: [{ target: 'boxKey', source: 'steps.prepare.boxKey' }, { target: 'message', source: 'steps.prepare.text' }] } } },
  ]);

describe('flowRun on a real Temporal server against the Streak sandbox', () => {
  it('runs map → write, records the run and every step in PostgreSQL', async () => {
    const flow = await h.deploy(commentFlow('Won'));
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', event: 'BOX_CHANGE_STAGE', eventKey: 'happy-1', payload: { boxKey, name: 'Acme deal' } });
    const outcome = await h.result(workflowId);
    expect(outcome.status).toBe('succeeded');
    const run = await h.db.run.findUniqueOrThrow({ where: { id: runId }, include: { steps: { orderBy: { seq: 'asc' } } } });
    expect(run.status).toBe('succeeded');
    expect(run.steps.map((s) => [s.nodeId, s.status])).toEqual([['trigger', 'succeeded'], ['prepare', 'succeeded'], ['comment', 'succeeded']]);
    expect(run.steps[1]?.output).toEqual({ text: 'Won: Acme deal', boxKey });
    const comments = await fetch(`${h.sandbox.url}/api/v2/boxes/${boxKey}/comments`, { headers: { authorization: `Bearer ${h.sandbox.apiKey}` } }).then((r) => r.json() as Promise<{ results: Array<{ message: string }> }>);
    expect(comments.results.map((c) => withoutRef(c.message))).toContain('Won: Acme deal');
  });

  it('retries through injected 5xx errors and still writes exactly once', async () => {
    const control = sandboxControl(h.sandbox.url);
    const flow = await h.deploy(commentFlow('Retried'));
    await control.setFaults({ errorRate: 0.6 });
    try {
      const { runId, workflowId } = await h.start(flow, { kind: 'webhook', event: 'BOX_CHANGE_STAGE', eventKey: 'retry-1', payload: { boxKey, name: 'Flaky deal' } });
      expect((await h.result(workflowId)).status).toBe('succeeded');
      expect((await h.db.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe('succeeded');
    } finally {
      await control.setFaults({ errorRate: 0 });
    }
    const comments = await fetch(`${h.sandbox.url}/api/v2/boxes/${boxKey}/comments`, { headers: { authorization: `Bearer ${h.sandbox.apiKey}` } }).then((r) => r.json() as Promise<{ results: Array<{ message: string }> }>);
    expect(comments.results.filter((c) => withoutRef(c.message) === 'Retried: Flaky deal')).toHaveLength(1);
  });

  it('ends a permanent error in a dead letter with a plain-language reason', async () => {
    const flow = await h.deploy(
      chain([{ id: 'move', kind: 'write', config: { connector: 'streak@1', action: 'updateBox', inputs: { fields: [{ target: 'boxKey', source: 'trigger.boxKey' }, { target: 'stage', expression: '"No Such Stage"' }] } } }]),
    );
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', event: 'BOX_CHANGE_STAGE', eventKey: 'dead-1', payload: { boxKey } });
    const outcome = await h.result(workflowId);
    expect(outcome.status).toBe('dead_lettered');
    const dl = await h.db.deadLetter.findFirstOrThrow({ where: { runId } });
    expect(dl.nodeId).toBe('move');
    expect(dl.message).toMatch(/No Such Stage/);
    expect(dl.suggestion).toMatch(/replay/);
    const step = await h.db.runStep.findFirstOrThrow({ where: { runId, nodeId: 'move' } });
    expect(step.status).toBe('failed');
    expect(step.input).toEqual({ boxKey, stage: 'No Such Stage' });
  });

  it('stops a mapping that cannot produce a value before any write, naming the field', async () => {
    const flow = await h.deploy(chain([{ id: 'prepare', kind: 'map', config: { mapping: { fields: [{ target: 'amount', source: 'trigger.dealValue', required: true }] } } }]));
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', event: 'BOX_CHANGE_STAGE', eventKey: 'map-1', payload: { boxKey } });
    expect((await h.result(workflowId)).status).toBe('dead_lettered');
    const dl = await h.db.deadLetter.findFirstOrThrow({ where: { runId } });
    expect(dl.reasonCode).toBe('MAPPING');
    expect(dl.message).toMatch(/amount/);
  });
});
