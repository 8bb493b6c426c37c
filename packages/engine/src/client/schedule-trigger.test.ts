// Schedule triggers on a real Temporal dev server (the time-skipping test server has no Schedules): deploy
// creates the cron schedule, a fire records one run whose steps see `firedAt`, undeploy deletes it, and a
// fire that arrives for a flow no longer deployed starts nothing.
import { EmulatorControlClient } from '@conduit/sage100-gateway';
import { createConnectorRegistry } from '../registry';
import { type FlowGraph, validateFlow } from '@conduit/flow';
import { ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../activities';
import { createHarness, type Harness, permissiveCatalog } from '../test/harness';
import { startTemporalDevServer } from '../test/processes';
import { productionBundle } from '../worker';
import { DeployError, type DeployContext, deployVersion, saveFlowVersion, undeploy } from './deploy';
import { scheduleIdFor } from './schedules';

let h: Harness;
let server: Awaited<ReturnType<typeof startTemporalDevServer>>;
let connection: NativeConnection;
let worker: Worker;
let running: Promise<void>;
let activities: ReturnType<typeof createActivities>;
let c: DeployContext;

beforeAll(async () => {
  server = await startTemporalDevServer(inject('temporalCliPath'));
  h = await createHarness({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath'), external: { temporalAddress: server.address, taskQueue: 'conduit-dev' } });
  activities = createActivities({ workerId: 'schedule-test', db: h.db, secrets: h.secrets, registry: createConnectorRegistry() });
  const { close: _close, ...registered } = activities;
  connection = await NativeConnection.connect({ address: server.address });
  worker = await Worker.create({ connection, taskQueue: h.taskQueue, workflowBundle: await productionBundle(), activities: registered });
  running = worker.run();
  c = { db: h.db, secrets: h.secrets, workspaceId: h.workspaceId, publicUrl: 'http://127.0.0.1:9', temporal: async () => h.temporal.client };
}, 180_000);
afterAll(async () => {
  worker?.shutdown();
  await running;
  await activities?.close();
  await connection?.close();
  await h?.close();
  await server?.stop();
});

const at = { x: 0, y: 0 };
const stamped = (trigger: FlowGraph['nodes'][number]['config']): FlowGraph => ({
  schemaVersion: 1,
  nodes: [
    { id: 'tick', kind: 'trigger', label: 'Every morning', position: at, config: trigger } as FlowGraph['nodes'][number],
    { id: 'stamp', kind: 'map', label: 'Stamp', position: at, config: { mapping: { fields: [{ target: 'at', source: 'trigger.firedAt' }] } } },
  ],
  edges: [{ id: 'e1', source: 'tick', sourcePort: 'out', target: 'stamp', targetPort: 'in' }],
});
const cron = (expression: string, timeZone?: string) => stamped({ type: 'schedule', cron: expression, ...(timeZone ? { timeZone } : {}) });

const SCHEDULED_START_TIME = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);
let flowNo = 0;
async function newFlow(graph: FlowGraph) {
  const flow = await h.db.flow.create({ data: { workspaceId: h.workspaceId, name: `scheduled ${++flowNo}`, draft: graph as object } });
  return { flowId: flow.id, versionId: (await saveFlowVersion(h.db, { flowId: flow.id, graph, message: 'v1', catalog: permissiveCatalog })).id };
}
async function nextVersion(flowId: string, graph: FlowGraph) {
  return (await saveFlowVersion(h.db, { flowId, graph, message: 'next', catalog: permissiveCatalog })).id;
}
const deploy = (flowVersionId: string) => deployVersion(c, { environmentId: h.environment.id, flowVersionId });
const handle = (flowId: string, kind: 'schedule' | 'changeFeed' = 'schedule') => h.temporal.client.schedule.getHandle(scheduleIdFor('dev', flowId, kind));

async function runsOf(flowId: string, count: number) {
  for (let i = 0; i < 200; i++) {
    const runs = await h.db.run.findMany({ where: { flowId } });
    if (runs.length >= count) return runs;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${count} run(s) of ${flowId} recorded`);
}

describe('schedule triggers', () => {
  it('deploy creates the cron schedule in its time zone; a fire records one run whose steps see firedAt', async () => {
    const { flowId, versionId } = await newFlow(cron('0 7 * * 1-5', 'America/Chicago'));
    await deploy(versionId);
    const described = await handle(flowId).describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'scheduledFire', taskQueue: h.taskQueue, args: [expect.objectContaining({ flowId, versionId })] });
    expect(described.spec.timezone).toBe('America/Chicago');
    expect(described.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
    const local = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', weekday: 'short', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });
    expect(described.info.nextActionTimes.length).toBeGreaterThanOrEqual(3);
    for (const t of described.info.nextActionTimes) expect(local.format(t)).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 07:00$/);

    await handle(flowId).trigger();
    await runsOf(flowId, 1);
    const [fire] = (await handle(flowId).describe()).info.recentActions;
    const fireHandle = h.temporal.client.workflow.getHandle(fire!.action.workflow.workflowId);
    expect(await fireHandle.result()).toEqual({ started: 1 });
    const [run, ...more] = await h.db.run.findMany({ where: { flowId } });
    expect(more).toEqual([]);
    // firedAt is the fire's scheduled time as the Schedule stamps it on the workflow, and the event key is made of it.
    const firedAt = (await fireHandle.describe()).typedSearchAttributes.get(SCHEDULED_START_TIME)!.getTime();
    expect(run).toMatchObject({ triggerKind: 'schedule', flowVersionId: versionId, eventKey: `schedule:${flowId}:${new Date(firedAt).toISOString()}` });
    const outcome = await h.result(run!.workflowId);
    expect([outcome.status, outcome.outputs.stamp]).toEqual(['succeeded', { at: firedAt }]);

    // The same fire again (an activity retry, a duplicate start): already recorded, nothing more.
    const request = described.action.type === 'startWorkflow' ? described.action.args?.[0] : undefined;
    expect(await activities.recordScheduledFire({ ...(request as Parameters<typeof activities.recordScheduledFire>[0]), firedAt })).toEqual([]);
    expect(await h.db.run.count({ where: { flowId } })).toBe(1);
  });

  it('redeploy updates the schedule; another trigger kind replaces it; undeploy deletes it and a late fire starts nothing', async () => {
    const { flowId, versionId } = await newFlow(cron('30 6 * * *'));
    await deploy(versionId);
    const v2 = await nextVersion(flowId, cron('15 18 * * *', 'Europe/Paris'));
    await deploy(v2);
    const described = await handle(flowId).describe();
    expect(described.spec.timezone).toBe('Europe/Paris');
    expect(described.action).toMatchObject({ args: [expect.objectContaining({ versionId: v2 })] });
    const request = (described.action.type === 'startWorkflow' ? described.action.args?.[0] : undefined) as Parameters<typeof activities.recordScheduledFire>[0];

    const v3 = await nextVersion(flowId, stamped({ type: 'changeFeed', connector: 'sage100@1', feed: 'recordChanged', params: { table: 'AR_Customer' }, pollSeconds: 3600 }));
    await deploy(v3);
    await expect(handle(flowId).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    await expect(handle(flowId, 'changeFeed').describe()).resolves.toMatchObject({ action: { workflowType: 'changeFeedPoll' } });
    await deploy(v2);
    await expect(handle(flowId, 'changeFeed').describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    await expect(handle(flowId).describe()).resolves.toMatchObject({ action: { args: [expect.objectContaining({ versionId: v2 })] } });

    const { warnings } = await undeploy(c, { environmentId: h.environment.id, flowId });
    expect(warnings).toEqual([]);
    await expect(handle(flowId).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);

    // A fire already on its way when the flow was undeployed: its workflow runs, and records nothing.
    expect(await activities.recordScheduledFire({ ...request, firedAt: Date.UTC(2026, 10, 26, 17, 15) })).toEqual([]);
    const fired = await h.temporal.client.workflow.execute('scheduledFire', { taskQueue: h.taskQueue, workflowId: `late-fire-${flowId}`, args: [request] });
    expect(fired).toEqual({ started: 0 });
    expect(await h.db.run.count({ where: { flowId } })).toBe(0);
    expect(await h.db.webhookEvent.count({ where: { eventKey: { startsWith: `schedule:${flowId}:` } } })).toBe(0);
  });

  it('a deployed change feed polls once right away, so a change made before its first interval is seen', async () => {
    const graph: FlowGraph = {
      schemaVersion: 1,
      nodes: [{ id: 'changed', kind: 'trigger', label: 'Customer changed', position: at, config: { type: 'changeFeed', connector: 'sage100@1', feed: 'recordChanged', params: { table: 'AR_Customer' }, pollSeconds: 3600 } } as FlowGraph['nodes'][number]],
      edges: [],
    };
    const { flowId, versionId } = await newFlow(graph);
    expect((await deploy(versionId)).warnings).toEqual([]);
    // The first poll set the feed's starting point at deploy time, an hour before the schedule's first interval.
    await expect.poll(() => h.db.syncCursor.count({ where: { source: { startsWith: `${flowId}:` } } }), { timeout: 20_000 }).toBe(1);
    await new EmulatorControlClient(h.gateway.url).setClock({ advanceSeconds: 5 });
    const customer = await fetch(`${h.gateway.url}/v1/companies/ABC/customers/01-BLUERID`, { method: 'PATCH', headers: { authorization: `Bearer ${h.gateway.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ comment: 'before first interval' }) });
    expect(customer.status).toBe(200);
    await handle(flowId, 'changeFeed').trigger();
    const [run] = await runsOf(flowId, 1);
    expect(run?.eventKey).toMatch(/^AR_Customer:01\|BLUERID@/);
    await undeploy(c, { environmentId: h.environment.id, flowId });
  });

  it('a cron or time zone that cannot run is refused when the version is saved, naming the trigger and the field', async () => {
    const problems = (graph: FlowGraph) => validateFlow(graph, permissiveCatalog).filter((p) => p.severity === 'error');
    expect(problems(cron('every morning'))).toContainEqual(expect.objectContaining({ nodeId: 'tick', message: expect.stringContaining('cron needs five fields: minute hour day month weekday') }));
    expect(problems(cron('61 7 * * *'))).toContainEqual(expect.objectContaining({ nodeId: 'tick', message: expect.stringContaining('the minute must be 0-59, not 61') }));
    expect(problems(cron('0 7 * * *', 'Mars/Olympus_Mons'))).toContainEqual(expect.objectContaining({ nodeId: 'tick', message: expect.stringContaining("unknown time zone 'Mars/Olympus_Mons'") }));
    const flow = await h.db.flow.create({ data: { workspaceId: h.workspaceId, name: `scheduled ${++flowNo}`, draft: cron('61 7 * * *') as object } });
    const refused = await saveFlowVersion(h.db, { flowId: flow.id, graph: cron('61 7 * * *'), message: 'v1', catalog: permissiveCatalog }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeployError);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('the minute must be 0-59, not 61') });
    expect(await h.db.flowVersion.count({ where: { flowId: flow.id } })).toBe(0);
  });
});
