// Starting a deployed manual-trigger flow from the designer ("Run now", e.g. the Customer 360 bulk sync):
// who may, which flows, and that a refused start records nothing.
import { type TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGraph, seedFlow, setupOperateTest, type OperateTest } from './test-support';

let t: OperateTest;
let manual: { id: string; flowId: string };
let webhook: { id: string; flowId: string };
const at = { x: 0, y: 0 };
const manualGraph = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', kind: 'trigger', label: 'Start', position: at, config: { type: 'manual' } },
    { id: 'who', kind: 'map', label: 'Who', position: at, config: { mapping: { fields: [{ target: 'by', source: 'trigger.startedBy' }] } } },
  ],
  edges: [{ id: 'e1', source: 'start', sourcePort: 'out', target: 'who', targetPort: 'in' }],
};
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: TRPCError) => `${e.code}: ${e.message}`,
  );

beforeAll(async () => {
  t = await setupOperateTest({ temporal: true });
  manual = (await seedFlow(t.db, { workspaceId: t.workspaceId, name: 'Bulk sync', graphs: [manualGraph] })).versions[0]!;
  webhook = (await seedFlow(t.db, { workspaceId: t.workspaceId, name: 'On a webhook', graphs: [demoGraph()] })).versions[0]!;
  for (const v of [manual, webhook]) {
    for (const environmentId of [t.env.dev, t.env.prod]) await t.db.deployment.create({ data: { environmentId, flowId: v.flowId, flowVersionId: v.id } });
  }
});
afterAll(async () => {
  await t.close();
});

describe('Run now', () => {
  it('lists the deployed manual flows and starts one, recording who started it', async () => {
    expect(await t.caller('viewer').runs.manualFlows()).toEqual(expect.arrayContaining([{ environmentId: t.env.dev, flowId: manual.flowId }]));
    expect((await t.caller('viewer').runs.manualFlows()).some((m) => m.flowId === webhook.flowId)).toBe(false);
    const { runId } = await t.caller('builder').runs.startManual({ environmentId: t.env.dev, flowId: manual.flowId });
    expect(await t.db.run.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ triggerKind: 'manual', flowId: manual.flowId, status: 'queued' });
    expect(await t.db.auditLog.findFirst({ where: { action: 'run.start', targetId: runId } })).toMatchObject({ actorEmail: t.users.builder.email });
  });

  it('refuses viewers, builders in a protected environment and flows that do not start by hand, recording nothing', async () => {
    const before = await t.db.run.count();
    expect(await code(t.caller('viewer').runs.startManual({ environmentId: t.env.dev, flowId: manual.flowId }))).toMatch(/^FORBIDDEN/);
    expect(await code(t.caller('builder').runs.startManual({ environmentId: t.env.prod, flowId: manual.flowId }))).toBe('FORBIDDEN: Only owners and admins start runs by hand in a protected environment.');
    expect(await code(t.caller('builder').runs.startManual({ environmentId: t.env.dev, flowId: webhook.flowId }))).toMatch(/^BAD_REQUEST: This flow starts on its webhook trigger, not by hand\./);
    expect(await t.db.run.count()).toBe(before);
  });
});
