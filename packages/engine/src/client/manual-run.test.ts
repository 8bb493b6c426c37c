import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chain, createHarness, type Harness } from '../test/harness';
import { manualFlows, ManualRunError, startManualRun } from './manual-run';

let h: Harness;
const at = { x: 0, y: 0 };
beforeAll(async () => {
  h = await createHarness({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('starting a flow by hand', () => {
  it('records and starts a run of a deployed manual flow, a new one each time', async () => {
    const flow = await h.deploy({
      schemaVersion: 1,
      nodes: [
        { id: 'start', kind: 'trigger', label: 'Start', position: at, config: { type: 'manual' } },
        { id: 'who', kind: 'map', label: 'Who', position: at, config: { mapping: { fields: [{ target: 'by', source: 'trigger.startedBy' }] } } },
      ],
      edges: [{ id: 'e1', source: 'start', sourcePort: 'out', target: 'who', targetPort: 'in' }],
    });
    const deps = { db: h.db, temporal: async () => h.temporal.client };
    expect(await manualFlows(h.db, h.environment.id)).toEqual([flow.flowId]);
    const first = await startManualRun(deps, { environmentId: h.environment.id, flowId: flow.flowId, startedBy: 'ada@example.com' });
    const second = await startManualRun(deps, { environmentId: h.environment.id, flowId: flow.flowId });
    expect(first.runId).not.toBe(second.runId);
    const run = await h.db.run.findUniqueOrThrow({ where: { id: first.runId } });
    expect(run.triggerKind).toBe('manual');
    expect((await h.result(run.workflowId)).outputs.who).toEqual({ by: 'ada@example.com' });
  });

  it('refuses flows that are not deployed or do not start by hand, recording nothing', async () => {
    const webhookFlow = await h.deploy(chain([{ id: 'm', kind: 'map', config: { mapping: { fields: [{ target: 'x', expression: '1' }] } } }]));
    const deps = { db: h.db, temporal: async () => h.temporal.client };
    const before = await h.db.run.count();
    await expect(startManualRun(deps, { environmentId: h.environment.id, flowId: webhookFlow.flowId })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/starts on its webhook trigger/) });
    await expect(startManualRun(deps, { environmentId: h.environment.id, flowId: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(ManualRunError);
    expect(await h.db.run.count()).toBe(before);
  });
});
