// A worker killed with SIGKILL in the middle of runs loses nothing and writes nothing twice: every run
// completes on the next worker, and each run's box exists exactly once (look-before-create by reference).
import { generateSecretKey } from '@conduit/db';
import { demoSeed, sandboxControl } from '@conduit/streak-sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chain, createHarness, type Harness } from './test/harness';
import { startTemporalDevServer, startWorkerProcess } from './test/processes';
import { changeFeedRequest, removeTriggerSchedule, scheduleIdFor, triggerSchedule, upsertTriggerSchedule } from './client/schedules';

let h: Harness;
let server: Awaited<ReturnType<typeof startTemporalDevServer>>;
const secretKey = generateSecretKey();
const seed = demoSeed();

beforeAll(async () => {
  server = await startTemporalDevServer(inject('temporalCliPath'));
  h = await createHarness({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath'), external: { temporalAddress: server.address, taskQueue: 'conduit-dev' }, secretKey });
}, 180_000);
afterAll(async () => {
  await h?.close();
  await server?.stop();
});

describe('durability', () => {
  it('survives SIGKILLs of the worker mid-run: no lost run, no duplicate box', async () => {
    const flow = await h.deploy(
      chain([
        {
          id: 'open',
          kind: 'write',
          config: {
            connector: 'streak@1',
            action: 'createBox',
            inputs: { fields: [{ target: 'pipelineKey', expression: `"${seed.pipelineKey}"` }, { target: 'name', expression: 'concat("Order ", trigger.ref)' }, { target: 'externalRef.field', expression: '"PO reference"' }, { target: 'externalRef.value', source: 'trigger.ref' }] },
          },
        },
        { id: 'after', kind: 'map', config: { mapping: { fields: [{ target: 'box', source: 'steps.open.key' }] } } },
      ]),
    );
    await sandboxControl(h.sandbox.url).setFaults({ latencyMs: 150 });
    const workerEnv = { DATABASE_URL: h.databaseUrl, TEMPORAL_ADDRESS: server.address, CONDUIT_SECRET_KEYS: secretKey, CONDUIT_ENVIRONMENTS: 'dev' };

    const refs = Array.from({ length: 12 }, (_, i) => `KILL-${Date.now()}-${i}`);
    const started = await Promise.all(refs.map((ref) => h.start(flow, { kind: 'manual', eventKey: ref, payload: { ref } })));
    const kills = [700, 1200, 400];
    for (const delay of kills) {
      const worker = startWorkerProcess(workerEnv);
      await worker.ready;
      await new Promise((r) => setTimeout(r, delay));
      await worker.kill();
    }
    const last = startWorkerProcess(workerEnv);
    await last.ready;
    try {
      const outcomes = await Promise.all(started.map((s) => h.result(s.workflowId)));
      expect(outcomes.map((o) => o.status)).toEqual(refs.map(() => 'succeeded'));
    } finally {
      await last.stop();
      await sandboxControl(h.sandbox.url).setFaults({ latencyMs: 0 });
    }
    const boxes = (await fetch(`${h.sandbox.url}/api/v1/pipelines/${seed.pipelineKey}/boxes`, { headers: { authorization: `Bearer ${h.sandbox.apiKey}` } }).then((r) => r.json())) as Array<{ name: string }>;
    for (const ref of refs) expect(boxes.filter((b) => b.name === `Order ${ref}`)).toHaveLength(1);
    const runs = await h.db.run.findMany({ where: { id: { in: started.map((s) => s.runId) } } });
    expect(runs.map((r) => r.status)).toEqual(refs.map(() => 'succeeded'));
  }, 180_000);
});

describe('change-feed schedules', () => {
  it('a deployed change-feed flow gets one schedule, replaced on redeploy and deleted on undeploy', async () => {
    const graph = {
      schemaVersion: 1 as const,
      nodes: [{ id: 'changed', kind: 'trigger' as const, label: 'Order changed', position: { x: 0, y: 0 }, config: { type: 'changeFeed' as const, connector: 'sage100@1', feed: 'recordChanged', params: { table: 'SO_SalesOrderHeader' }, pollSeconds: 30 } }],
      edges: [],
    };
    const flow = await h.deploy(graph);
    const feed = changeFeedRequest({ environment: h.environment, flowId: flow.flowId, versionId: flow.versionId, graph, plan: flow.plan });
    expect(feed?.pollSeconds).toBe(30);
    const deployed = { environment: h.environment, flowId: flow.flowId, versionId: flow.versionId, graph, plan: flow.plan };
    const id = await upsertTriggerSchedule(h.temporal.client, triggerSchedule(deployed)!);
    expect(id).toBe(scheduleIdFor('dev', flow.flowId));
    const next = await h.deploy(graph, { flowId: flow.flowId });
    await upsertTriggerSchedule(h.temporal.client, triggerSchedule({ ...deployed, versionId: next.versionId })!);
    const described = await h.temporal.client.schedule.getHandle(id).describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'changeFeedPoll', taskQueue: 'conduit-dev', args: [expect.objectContaining({ versionId: next.versionId })] });
    expect(described.spec.intervals).toMatchObject([{ every: 30_000 }]);
    await removeTriggerSchedule(h.temporal.client, { environmentKey: 'dev', flowId: flow.flowId, kind: 'changeFeed' });
    await expect(h.temporal.client.schedule.getHandle(id).describe()).rejects.toThrow();
    await removeTriggerSchedule(h.temporal.client, { environmentKey: 'dev', flowId: flow.flowId, kind: 'changeFeed' });
    expect(changeFeedRequest({ environment: h.environment, flowId: flow.flowId, versionId: flow.versionId, graph: { ...graph, nodes: [{ ...graph.nodes[0]!, config: { type: 'manual' } }] }, plan: flow.plan })).toBeUndefined();
  });
});
