import { demoSeed } from '@conduit/streak-sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chain, createHarness, type Harness } from '../test/harness';
import { startQueuedRunSweeper, sweepQueuedRuns } from '../sweeper';
import { authenticateStreakWebhook, ingestStreakWebhook, type IngressDeps } from './ingress';
import { backgroundStarts } from './starter';

let h: Harness;
let endpointId: string;
let defaultDeps: () => IngressDeps;
let boxKey: string;

beforeAll(async () => {
  h = await createHarness({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
  endpointId = (await h.db.environment.findUniqueOrThrow({ where: { id: h.environment.id } })).webhookEndpointId;
  defaultDeps = () => ({ db: h.db, secrets: h.secrets, temporal: async () => h.temporal.client });
  const boxes = (await fetch(`${h.sandbox.url}/api/v1/pipelines/${demoSeed().pipelineKey}/boxes`, { headers: { authorization: `Bearer ${h.sandbox.apiKey}` } }).then((r) => r.json())) as Array<{ key: string }>;
  boxKey = boxes[2]!.key;
  await h.deploy(
    chain([{ id: 'note', kind: 'write', config: { connector: 'streak@1', action: 'addComment', inputs: { fields: [{ target: 'boxKey', source: 'trigger.boxKey' }, { target: 'message', expression: '"seen by conduit"' }] } } }]),
  );
}, 120_000);
afterAll(async () => {
  await h?.close();
});

async function deliver(text: string, options: { token?: string | null; event?: string | null; endpoint?: string; envKey?: string; deps?: IngressDeps } = {}) {
  const deps = options.deps ?? defaultDeps();
  const auth = await authenticateStreakWebhook(deps, { environmentKey: options.envKey ?? 'dev', endpointId: options.endpoint ?? endpointId, token: options.token === undefined ? 'hook-secret' : options.token, ip: '127.0.0.1' });
  if ('answer' in auth) return auth.answer;
  return ingestStreakWebhook(deps, { env: auth.env, event: options.event === undefined ? 'BOX_CHANGE_STAGE' : options.event, text });
}

const box = (ts: number) => JSON.stringify([{ key: boxKey, boxKey, name: 'Deal', stageKey: '5005', lastUpdatedTimestamp: ts }]);

describe('Streak webhook ingress', () => {
  it('refuses wrong, missing tokens and unknown endpoints and records nothing', async () => {
    expect((await deliver(box(1), { token: 'wrong' })).status).toBe(401);
    expect((await deliver(box(1), { token: null })).status).toBe(401);
    expect((await deliver(box(1), { endpoint: 'nope' })).status).toBe(404);
    expect((await deliver(box(1), { envKey: 'prod' })).status).toBe(404);
    expect(await h.db.webhookEvent.count()).toBe(0);
    expect(await h.db.run.count()).toBe(0);
  });

  it('answers malformed bodies with 400 and the reason, recording nothing', async () => {
    expect(await deliver('{not json')).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^The body is not valid JSON/) } });
    expect(await deliver('{"key":"x"}')).toMatchObject({ status: 400, body: { message: 'The body must be a JSON array of objects, as Streak sends.' } });
    expect(await deliver('[]')).toMatchObject({ status: 400, body: { message: expect.stringMatching(/empty array/) } });
    expect(await deliver('[1,2]')).toMatchObject({ status: 400, body: { message: expect.stringMatching(/at \[0\]/) } });
    expect(await deliver(box(1), { event: 'BOX_CREATED' })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/Unknown or missing event "BOX_CREATED"/) } });
    expect(await deliver(JSON.stringify(Array.from({ length: 501 }, () => ({}))))).toMatchObject({ status: 400, body: { message: expect.stringMatching(/at most 500 objects/) } });
    expect(await deliver('[{"boxKey":"a"},[]]')).toMatchObject({ status: 400, body: { message: expect.stringMatching(/got array at \[1\]/) } });
    expect(await h.db.webhookEvent.count()).toBe(0);
    expect(await h.db.run.count()).toBe(0);
  });

  it('starts the deployed flow once; the same delivery again starts nothing', async () => {
    const first = await deliver(box(1000));
    expect(first).toMatchObject({ status: 200, body: { events: 1, duplicates: 0, runsStarted: 1 } });
    const again = await deliver(box(1000));
    expect(again).toMatchObject({ status: 200, body: { events: 0, duplicates: 1, runsStarted: 0 } });
    await backgroundStarts();
    const runs = await h.db.run.findMany();
    expect(runs).toHaveLength(1);
    expect((await h.result(runs[0]!.workflowId)).status).toBe('succeeded');
    expect(runs[0]?.searchKeys).toContain(boxKey);
  });

  it('a later change of the same box is a new event', async () => {
    expect(await deliver(box(2000))).toMatchObject({ status: 200, body: { events: 1, runsStarted: 1 } });
    await backgroundStarts();
  });

  it('answers once the run is recorded; a duplicate while its start is pending starts nothing', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    const slow: IngressDeps = { ...defaultDeps(), temporal: async () => (asked++, gate.then(() => h.temporal.client)) };
    expect(await deliver(box(2500), { deps: slow })).toMatchObject({ status: 200, body: { events: 1, runsStarted: 1 } });
    const run = await h.db.run.findFirstOrThrow({ where: { eventKey: `BOX_CHANGE_STAGE:${boxKey}:2500` } });
    expect(run.status).toBe('queued');
    expect(await deliver(box(2500), { deps: slow })).toMatchObject({ status: 200, body: { events: 0, duplicates: 1, runsStarted: 0 } });
    release();
    await backgroundStarts();
    expect(asked).toBe(1);
    expect((await h.result(run.workflowId)).status).toBe('succeeded');
    expect(await h.db.run.count({ where: { eventKey: run.eventKey } })).toBe(1);
  });

  it('accepts while the engine is down; the sweeper starts the queued run once, and a redelivery starts nothing', async () => {
    const down: IngressDeps = { ...defaultDeps(), temporal: async () => Promise.reject(new Error('connection refused')) };
    expect(await deliver(box(3000), { deps: down })).toMatchObject({ status: 200, body: { events: 1, runsStarted: 1 } });
    await backgroundStarts();
    const queued = await h.db.run.findFirstOrThrow({ where: { eventKey: `BOX_CHANGE_STAGE:${boxKey}:3000` } });
    expect(queued.status).toBe('queued');
    expect(await deliver(box(3000))).toMatchObject({ status: 200, body: { duplicates: 1, runsStarted: 0 } });
    await backgroundStarts();

    const sweep = (olderThanMs: number) => sweepQueuedRuns({ db: h.db, temporal: async () => h.temporal.client }, { taskQueues: [h.taskQueue], olderThanMs });
    // Still young: whoever recorded it may be starting it right now.
    expect(await sweep(60_000)).toMatchObject({ found: 0, started: 0 });
    expect(await sweep(0)).toEqual({ found: 1, started: 1, failed: 0, confirmed: [queued.id] });
    expect((await h.result(queued.workflowId)).status).toBe('succeeded');
  });

  it('a sweep of a run whose workflow exists starts nothing twice', async () => {
    expect(await deliver(box(4000))).toMatchObject({ status: 200, body: { runsStarted: 1 } });
    await backgroundStarts();
    const run = await h.db.run.findFirstOrThrow({ where: { eventKey: `BOX_CHANGE_STAGE:${boxKey}:4000` } });
    expect((await h.result(run.workflowId)).status).toBe('succeeded');
    const handle = h.temporal.client.workflow.getHandle(run.workflowId);
    const execution = (await handle.describe()).runId;
    // As if its status were not recorded yet: the workflow id refuses a second start.
    await h.db.run.update({ where: { id: run.id }, data: { status: 'queued' } });
    const sweep = sweepQueuedRuns({ db: h.db, temporal: async () => h.temporal.client }, { taskQueues: [h.taskQueue], olderThanMs: 0 });
    expect(await sweep).toEqual({ found: 1, started: 0, failed: 0, confirmed: [run.id] });
    expect(await sweepQueuedRuns({ db: h.db, temporal: async () => h.temporal.client }, { taskQueues: [h.taskQueue], olderThanMs: 0, skip: [run.id] })).toMatchObject({ found: 0 });
    expect((await handle.describe()).runId).toBe(execution);
    await h.db.run.update({ where: { id: run.id }, data: { status: 'succeeded' } });
  });

  it('the periodic sweeper (as the worker runs it) starts a run whose start was lost', async () => {
    const down: IngressDeps = { ...defaultDeps(), temporal: async () => Promise.reject(new Error('connection refused')) };
    expect(await deliver(box(5000), { deps: down })).toMatchObject({ status: 200, body: { runsStarted: 1 } });
    await backgroundStarts();
    const queued = await h.db.run.findFirstOrThrow({ where: { eventKey: `BOX_CHANGE_STAGE:${boxKey}:5000` } });
    const sweeper = startQueuedRunSweeper({ db: h.db, temporal: async () => h.temporal.client }, { taskQueues: [h.taskQueue], everyMs: 50, olderThanMs: 0 });
    try {
      await expect.poll(async () => (await h.db.run.findUniqueOrThrow({ where: { id: queued.id } })).status, { timeout: 20_000 }).toBe('succeeded');
    } finally {
      await sweeper.stop();
    }
  });
});
