// The build-side API against a real database: flows, autosave, versions and test runs, with the role
// checks and the refusals (bad input is rejected with a message and nothing is written).
import { TEMPLATES } from '@conduit/templates';
import { generateSecretKey, createSecretBox } from '@conduit/db';
import { createActivities, createConnectorRegistry, productionBundle } from '@conduit/engine';
import type { TRPCError } from '@trpc/server';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOperateTest, type OperateTest } from '../operate/test-support';

let t: OperateTest;
let worker: Worker;
let running: Promise<void>;
beforeAll(async () => {
  t = await setupOperateTest({ temporal: true });
  // Test runs go through the engine: a real worker serves the dev environment's task queue.
  const { close: _close, ...activities } = createActivities({ workerId: 'designer-test', db: t.db, secrets: createSecretBox(generateSecretKey()), registry: createConnectorRegistry() });
  worker = await Worker.create({ connection: t.nativeConnection!, taskQueue: 'conduit-dev', workflowBundle: await productionBundle(), activities });
  running = worker.run();
}, 120_000);
afterAll(async () => {
  worker?.shutdown();
  await running;
  await t.close();
});

const at = { x: 0, y: 0 };
const pureDraft = (label = 'Lines') => ({
  schemaVersion: 1 as const,
  nodes: [
    { id: 'start', kind: 'trigger', label: 'Start', position: at, config: { type: 'manual' } },
    { id: 'lines', kind: 'map', label, position: { x: 0, y: 140 }, config: { mapping: { fields: [{ target: 'lines', source: 'trigger.products', transforms: [{ fn: 'parseLineItems' }] }] } } },
  ],
  edges: [{ id: 'e1', source: 'start', sourcePort: 'out', target: 'lines', targetPort: 'in' }],
});
const code = (e: unknown) => (e as TRPCError).code;

describe('flows', () => {
  it('creates from a template, lists with status, duplicates and archives', async () => {
    const builder = t.caller('builder');
    const { id } = await builder.flows.create({ name: 'Closed-Won → Sales Order', template: 'closed-won-sales-order' });
    const flow = await builder.flows.get({ id });
    expect(flow.draft.nodes).toEqual(TEMPLATES.find((x) => x.key === 'closed-won-sales-order')?.graph.nodes);
    const listed = await t.caller('viewer').flows.list({ environmentKey: 'dev' });
    expect(listed.find((f) => f.id === id)).toMatchObject({ deployedVersion: null, lastRun: null, successRate: null });
    const copy = await builder.flows.duplicate({ id });
    expect((await builder.flows.get({ id: copy.id })).name).toBe('Closed-Won → Sales Order (copy)');
    await builder.flows.archive({ id: copy.id, archived: true });
    expect((await builder.flows.list({ includeArchived: false })).map((f) => f.id)).not.toContain(copy.id);
    const audit = await t.db.auditLog.findMany({ where: { targetId: { in: [id, copy.id] } }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['flow.create', 'flow.duplicate', 'flow.archive']);
  });

  it('refuses viewers, unknown templates and malformed drafts, writing nothing', async () => {
    const before = await t.db.flow.count();
    await expect(t.caller('viewer').flows.create({ name: 'Nope' })).rejects.toSatisfy((e) => code(e) === 'FORBIDDEN');
    await expect(t.caller('builder').flows.create({ name: 'X', template: 'no-such' })).rejects.toThrow(/no template "no-such"/);
    await expect(t.caller('builder').flows.create({ name: '   ' })).rejects.toSatisfy((e) => code(e) === 'BAD_REQUEST');
    expect(await t.db.flow.count()).toBe(before);
    const { id } = await t.caller('builder').flows.create({ name: 'Draft target' });
    const bad = { schemaVersion: 1, nodes: [{ id: 'has space', kind: 'map', label: '', position: at, config: {} }], edges: [] };
    await expect(t.caller('builder').flows.saveDraft({ id, draft: bad as never })).rejects.toSatisfy((e) => code(e) === 'BAD_REQUEST');
    expect((await t.caller('builder').flows.get({ id })).draft.nodes).toEqual([]);
    await expect(t.caller(null).flows.get({ id })).rejects.toSatisfy((e) => code(e) === 'UNAUTHORIZED');
  });
});

describe('versions', () => {
  it('saves only valid flows, numbers versions, skips unchanged content and returns two for a diff', async () => {
    const builder = t.caller('builder');
    const { id } = await builder.flows.create({ name: 'Versioned' });
    const broken = { ...pureDraft(), edges: [] };
    await expect(builder.versions.save({ flowId: id, message: 'broken', draft: broken })).rejects.toThrow(/problem/);
    expect(await t.db.flowVersion.count({ where: { flowId: id } })).toBe(0);

    expect(await builder.versions.save({ flowId: id, message: 'first', draft: pureDraft() })).toMatchObject({ number: 1, created: true });
    expect(await builder.versions.save({ flowId: id, message: 'same again', draft: pureDraft() })).toMatchObject({ number: 1, created: false });
    expect(await builder.versions.save({ flowId: id, message: 'renamed', draft: pureDraft('Order lines') })).toMatchObject({ number: 2, created: true });
    const list = await t.caller('viewer').versions.list({ flowId: id });
    expect(list.map((v) => [v.number, v.message, v.author])).toEqual([[2, 'renamed', 'Bea Builder'], [1, 'first', 'Bea Builder']]);
    const [a, b] = await builder.versions.get({ flowId: id, numbers: [1, 2] });
    expect(a!.contentHash).not.toBe(b!.contentHash);
    await expect(builder.versions.get({ flowId: id, numbers: [1, 7] })).rejects.toThrow(/Version 7 does not exist/);
    await expect(t.caller('viewer').versions.save({ flowId: id, message: 'x', draft: pureDraft() })).rejects.toSatisfy((e) => code(e) === 'FORBIDDEN');
  });
});

describe('test runs', () => {
  it('runs a draft against a sample in dev and reports each step', async () => {
    const builder = t.caller('builder');
    const { id } = await builder.flows.create({ name: 'Test-run me' });
    const { runId } = await builder.testRuns.start({ flowId: id, environmentKey: 'dev', draft: pureDraft(), sample: { products: '6655 x 2 @ 349' } });
    let p = await builder.testRuns.progress({ runId });
    for (let i = 0; i < 200 && p.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      p = await builder.testRuns.progress({ runId });
    }
    expect(p.status).toBe('succeeded');
    expect(p.steps.find((s) => s.nodeId === 'lines')).toMatchObject({ state: 'succeeded', output: { lines: [{ itemCode: '6655', quantity: 2, unitPrice: 349, amount: 698 }] } });
    expect(await t.db.run.count()).toBe(0); // a test run leaves no run history
  });

  it('refuses protected environments, missing samples and flows with problems', async () => {
    const builder = t.caller('builder');
    const { id } = await builder.flows.create({ name: 'Refusals' });
    await expect(builder.testRuns.start({ flowId: id, environmentKey: 'prod', draft: pureDraft(), sample: {} })).rejects.toThrow(/protected/);
    await expect(builder.testRuns.start({ flowId: id, environmentKey: 'dev', draft: pureDraft(), sample: null })).rejects.toThrow(/Pin a sample/);
    await expect(builder.testRuns.start({ flowId: id, environmentKey: 'dev', draft: { ...pureDraft(), edges: [] }, sample: {} })).rejects.toThrow(/fix the flow's problems first/);
  });
});

describe('captured events', () => {
  it('offers the environment’s latest webhook events as the trigger delivers them', async () => {
    const wire = { key: 'box1', pipelineKey: 'p1', stageKey: '5005', name: 'Acme – restock', fields: { 1001: '661.50' } };
    await t.db.webhookEvent.create({ data: { environmentId: t.env.dev, eventKey: 'BOX_CHANGE_STAGE:box1:1', eventType: 'BOX_CHANGE_STAGE', payload: wire } });
    await t.db.webhookEvent.create({ data: { environmentId: t.env.qa, eventKey: 'BOX_CHANGE_STAGE:box2:1', eventType: 'BOX_CHANGE_STAGE', payload: { ...wire, key: 'box2' } } });
    const events = await t.caller('builder').testRuns.capturedEvents({ environmentKey: 'dev', connector: 'streak@1', trigger: 'boxEvent', params: { event: 'BOX_CHANGE_STAGE', pipelineKey: 'p1' } });
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ key: 'box1', name: 'Acme – restock', stageKey: '5005', stageName: null, fields: { 1001: '661.50' } });
    await expect(t.caller('builder').testRuns.capturedEvents({ environmentKey: 'dev', connector: 'nope@1', trigger: 'x', params: {} })).rejects.toThrow(/not installed/);
    await expect(t.caller('viewer').testRuns.capturedEvents({ environmentKey: 'dev', connector: 'streak@1', trigger: 'boxEvent', params: {} })).rejects.toSatisfy((e) => code(e) === 'FORBIDDEN');
  });
});

describe('catalog', () => {
  it('describes connectors and functions, and lists an environment’s connections without secrets', async () => {
    const viewer = t.caller('viewer');
    const catalog = await viewer.catalog.get();
    expect(catalog.connectors.map((c) => c.id)).toEqual(expect.arrayContaining(['streak', 'sage100']));
    expect(catalog.functions.some((f) => f.name === 'parseLineItems')).toBe(true);
    const connections = await viewer.catalog.connections({ environmentKey: 'dev' });
    expect(connections.map((c) => c.name).sort()).toEqual(['Sage 100 (emulator)', 'Streak sandbox']);
    expect(JSON.stringify(connections)).not.toContain('streak-test-key-123');
    await expect(t.caller('builder').catalog.picker({ connectionId: crypto.randomUUID(), source: 'pipelines', params: {} })).rejects.toSatisfy((e) => code(e) === 'NOT_FOUND');
    await expect(viewer.catalog.picker({ connectionId: connections[0]!.id, source: 'pipelines', params: {} })).rejects.toSatisfy((e) => code(e) === 'FORBIDDEN');
  });
});
