import { demoSeed } from '@conduit/streak-sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chain, createHarness, type Harness } from '../test/harness';
import { authenticateStreakWebhook, ingestStreakWebhook, type IngressDeps } from './ingress';

let h: Harness;
let endpointId: string;
let deps: IngressDeps;
let boxKey: string;

beforeAll(async () => {
  h = await createHarness({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
  endpointId = (await h.db.environment.findUniqueOrThrow({ where: { id: h.environment.id } })).webhookEndpointId;
  deps = { db: h.db, secrets: h.secrets, temporal: async () => h.temporal.client };
  const boxes = (await fetch(`${h.sandbox.url}/api/v1/pipelines/${demoSeed().pipelineKey}/boxes`, { headers: { authorization: `Bearer ${h.sandbox.apiKey}` } }).then((r) => r.json())) as Array<{ key: string }>;
  boxKey = boxes[2]!.key;
  await h.deploy(
    chain([{ id: 'note', kind: 'write', config: { connector: 'streak@1', action: 'addComment', inputs: { fields: [{ target: 'boxKey', source: 'trigger.boxKey' }, { target: 'message', expression: '"seen by conduit"' }] } } }]),
  );
}, 120_000);
afterAll(async () => {
  await h?.close();
});

async function deliver(text: string, options: { token?: string | null; event?: string | null; endpoint?: string; envKey?: string } = {}) {
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
  });

  it('answers malformed bodies with 400 and the reason, recording nothing', async () => {
    expect(await deliver('{not json')).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^The body is not valid JSON/) } });
    expect(await deliver('{"key":"x"}')).toMatchObject({ status: 400, body: { message: 'The body must be a JSON array of objects, as Streak sends.' } });
    expect(await deliver('[]')).toMatchObject({ status: 400, body: { message: expect.stringMatching(/empty array/) } });
    expect(await deliver('[1,2]')).toMatchObject({ status: 400, body: { message: expect.stringMatching(/at \[0\]/) } });
    expect(await deliver(box(1), { event: 'BOX_CREATED' })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/Unknown or missing event "BOX_CREATED"/) } });
    expect(await h.db.webhookEvent.count()).toBe(0);
  });

  it('starts the deployed flow once; the same delivery again starts nothing', async () => {
    const first = await deliver(box(1000));
    expect(first).toMatchObject({ status: 200, body: { events: 1, duplicates: 0, runsStarted: 1 } });
    const again = await deliver(box(1000));
    expect(again).toMatchObject({ status: 200, body: { events: 0, duplicates: 1, runsStarted: 0 } });
    const runs = await h.db.run.findMany();
    expect(runs).toHaveLength(1);
    expect((await h.result(runs[0]!.workflowId)).status).toBe('succeeded');
    expect(runs[0]?.searchKeys).toContain(boxKey);
  });

  it('a later change of the same box is a new event', async () => {
    expect(await deliver(box(2000))).toMatchObject({ status: 200, body: { events: 1, runsStarted: 1 } });
  });

  it('answers 503 when the engine is down and starts the queued run when Streak redelivers', async () => {
    const down: IngressDeps = { ...deps, temporal: async () => Promise.reject(new Error('connection refused')) };
    const auth = await authenticateStreakWebhook(down, { environmentKey: 'dev', endpointId, token: 'hook-secret', ip: null });
    if ('answer' in auth) throw new Error('auth failed');
    expect((await ingestStreakWebhook(down, { env: auth.env, event: 'BOX_CHANGE_STAGE', text: box(3000) })).status).toBe(503);
    const queued = await h.db.run.findFirstOrThrow({ where: { eventKey: `BOX_CHANGE_STAGE:${boxKey}:3000` } });
    expect(queued.status).toBe('queued');
    expect(await deliver(box(3000))).toMatchObject({ status: 200, body: { duplicates: 1, runsStarted: 1 } });
    expect((await h.result(queued.workflowId)).status).toBe('succeeded');
  });
});
