import type { FlowGraph } from '@conduit/flow';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const at = { x: 0, y: 0 };
const onCustomerChange: FlowGraph = {
  schemaVersion: 1,
  nodes: [
    { id: 'changed', kind: 'trigger', label: 'Customer changed in Sage 100', position: at, config: { type: 'changeFeed', connector: 'sage100@1', feed: 'recordChanged', params: { table: 'AR_Customer' } } },
    { id: 'note', kind: 'map', label: 'Describe', position: at, config: { mapping: { fields: [{ target: 'city', source: 'trigger.record.city' }, { target: 'key', source: 'trigger.keyText' }] } } },
  ],
  edges: [{ id: 'e1', source: 'changed', sourcePort: 'out', target: 'note', targetPort: 'in' }],
};

async function poll(flow: { flowId: string; versionId: string; plan: unknown }) {
  return h.temporal.client.workflow.execute('changeFeedPoll', {
    taskQueue: h.taskQueue,
    workflowId: `poll-${Math.random()}`,
    args: [{ environment: h.environment, flowId: flow.flowId, versionId: flow.versionId, plan: flow.plan, connector: 'sage100@1', feed: 'recordChanged', params: { table: 'AR_Customer' } }],
  }) as Promise<{ started: number }>;
}

async function patchCity(city: string) {
  const res = await fetch(`${h.gateway.url}/v1/companies/ABC/customers/01-ACMEIND`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${h.gateway.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ city }),
  });
  expect(res.status, await res.text()).toBe(200);
}

describe('change feed → flow runs', () => {
  it('starts one run per changed record, keeps the cursor, and does not start a run twice for the same change', async () => {
    const flow = await h.deploy(onCustomerChange);
    expect(await poll(flow)).toEqual({ started: 0 }); // the first poll only sets the starting point

    await patchCity('Akron');

    expect(await poll(flow)).toEqual({ started: 1 });
    expect(await poll(flow)).toEqual({ started: 0 });
    const [run] = await h.db.run.findMany({ where: { flowId: flow.flowId } });
    expect(run?.triggerKind).toBe('changeFeed');
    expect((await h.result(run!.workflowId)).outputs.note).toEqual({ city: 'Akron', key: expect.stringContaining('ACMEIND') });
    expect(await h.db.syncCursor.count()).toBe(1);
  });

  // A schedule left behind after undeploy (Temporal unreachable then) keeps firing; its polls must start nothing.
  it('a poll of a version that is not deployed records and starts nothing, and the change waits for the live version', async () => {
    const flow = await h.deploy(onCustomerChange);
    expect(await poll(flow)).toEqual({ started: 0 });
    await patchCity('Dayton');
    await h.db.deployment.updateMany({ where: { flowId: flow.flowId }, data: { active: false, undeployedAt: new Date() } });
    expect(await poll(flow)).toEqual({ started: 0 });
    expect(await h.db.webhookEvent.count({ where: { eventType: 'recordChanged', payload: { path: ['record', 'city'], equals: 'Dayton' } } })).toBe(0);

    // Deployed again as a new version: the old version's poll is still not live; the new one's finds the change.
    const next = await h.deploy(onCustomerChange, { flowId: flow.flowId });
    expect(await poll(flow)).toEqual({ started: 0 });
    expect(await h.db.run.count({ where: { flowId: flow.flowId } })).toBe(0);
    expect(await poll(next)).toEqual({ started: 1 });
    const [run] = await h.db.run.findMany({ where: { flowId: flow.flowId } });
    expect(run?.flowVersionId).toBe(next.versionId);
    expect((await h.result(run!.workflowId)).outputs.note).toMatchObject({ city: 'Dayton' });
  });
});
