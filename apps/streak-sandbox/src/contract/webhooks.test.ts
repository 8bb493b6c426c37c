// Contract: webhook subscriptions (§4.14) and — against the sandbox, whose deliveries can reach a
// local receiver — delivery: bare JSON array, token header, event choice, retry, 410 and drops.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from './receiver';
import {
  AGAINST_REAL_STREAK,
  dropPipeline,
  expectError,
  firstTeamKey,
  openTarget,
  scratchPipeline,
  type Json,
  type Target,
} from './target';

let t: Target;
let p: Json;
let teamKey: string;
let rx: Receiver;
const hooks: string[] = [];
beforeAll(async () => {
  t = await openTarget();
  teamKey = await firstTeamKey(t);
  p = await scratchPipeline(t, 'webhooks', [{ name: 'Amount', type: 'TEXT_INPUT' }]);
  rx = await startReceiver();
  await t.control?.setFaults({ webhookRetryBaseMs: 20 });
});
afterEach(async () => {
  while (hooks.length) await t.del(`/v2/webhooks/${hooks.pop()}`);
  rx.received.length = 0;
});
afterAll(async () => {
  await dropPipeline(t, p.key);
  await rx.close();
  await t.close();
});

const target = (name: string) =>
  AGAINST_REAL_STREAK ? `https://example.com/conduit-contract/${name}` : `${rx.url}/${name}`;
async function subscribe(event: string, name: string, extra: Json = {}, scope = `pipelineKey=${p.key}`) {
  const res = await t.request('POST', `/v2/webhooks?${scope}`, {
    json: { event, targetUrl: target(name), ...extra },
  });
  if (res.status === 200) hooks.push(res.body.key);
  return res;
}

describe('subscriptions', () => {
  it('creates with the scope as a query param, gets, lists per pipeline and deletes', async () => {
    const res = await subscribe('BOX_CREATE', 'create', { token: 'secret' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ event: 'BOX_CREATE', targetUrl: target('create'), pipelineKey: p.key });
    expect(res.body.key).toMatch(/^agxz/);
    expect((await t.get(`/v2/webhooks/${res.body.key}`)).body.event).toBe('BOX_CREATE');
    const list = (await t.get(`/v2/pipelines/${p.key}/webhooks`)).body;
    expect(Array.isArray(list)).toBe(true);
    expect(list.map((w: Json) => w.key)).toContain(res.body.key);
    expect((await t.del(`/v2/webhooks/${hooks.pop()}`)).body.success).toBe(true);
    expect((await t.get(`/v2/webhooks/${res.body.key}`)).status).toBe(404);
  });

  it('accepts the scope key in the body; team events are listed per team', async () => {
    const res = await t.post('/v2/webhooks', {
      event: 'CONTACT_CREATE',
      targetUrl: target('contacts'),
      teamKey,
    });
    expect(res.status).toBe(200);
    hooks.push(res.body.key);
    expect((await t.get(`/v2/teams/${teamKey}/webhooks`)).body.map((w: Json) => w.key)).toContain(
      res.body.key,
    );
  });

  it('rejects a missing scope, an unknown event (e.g. BOX_CREATED) and a bad targetUrl', async () => {
    expectError(await t.post('/v2/webhooks', { event: 'BOX_CREATE', targetUrl: target('x') }), 400);
    expectError(await subscribe('BOX_CREATED', 'x'), 400);
    expectError(await subscribe('BOX_CREATE', 'x', { targetUrl: 'not a url' }), 400);
  });
});

describe.skipIf(AGAINST_REAL_STREAK)('delivery', () => {
  it('stage change POSTs a bare JSON array of the new box with X-Streak-Webhook-Token, and no BOX_EDIT', async () => {
    await subscribe('BOX_CHANGE_STAGE', 'stage', { token: 'tok-123' });
    const edit = (await subscribe('BOX_EDIT', 'edit')).body;
    const box = (await t.post(`/v2/pipelines/${p.key}/boxes`, { name: 'Hooked' })).body;
    await t.post(`/v1/boxes/${box.key}`, { stageKey: p.stageOrder[2] });
    const [got] = await rx.waitFor(1);
    expect(got?.path).toBe('/stage');
    expect(got?.headers['x-streak-webhook-token']).toBe('tok-123');
    expect(Array.isArray(got?.body)).toBe(true);
    expect((got?.body as Json[])[0]).toMatchObject({
      key: box.key,
      boxKey: box.key,
      stageKey: p.stageOrder[2],
    });
    // Deliveries are recorded when the API call is answered, so the log is complete already.
    expect(await t.control?.deliveries({ webhookKey: edit.key })).toEqual([]);
  });

  it('a field edit fires BOX_EDIT without a token header when none was set', async () => {
    await subscribe('BOX_EDIT', 'edit');
    const box = (await t.post(`/v2/pipelines/${p.key}/boxes`, { name: 'Edited' })).body;
    await t.post(`/v1/boxes/${box.key}`, { fields: { [p.fields[0].key]: '10' } });
    const [got] = await rx.waitFor(1);
    expect(got?.headers['x-streak-webhook-token']).toBeUndefined();
    expect((got?.body as Json[])[0].fields[p.fields[0].key]).toBe('10');
  });

  it('retries non-200 answers with back-off until delivered', async () => {
    const hook = (await subscribe('BOX_CREATE', 'retry')).body;
    rx.script([500, 503]);
    await t.post(`/v2/pipelines/${p.key}/boxes`, { name: 'Retried' });
    await rx.waitFor(3);
    const [d] = (await t.control?.deliveries({ webhookKey: hook.key })) ?? [];
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
  });

  it('410 Gone deletes the subscription', async () => {
    const hook = (await subscribe('BOX_CREATE', 'gone')).body;
    rx.script([410]);
    await t.post(`/v2/pipelines/${p.key}/boxes`, { name: 'Gone' });
    await rx.waitFor(1);
    for (let i = 0; i < 100 && (await t.get(`/v2/webhooks/${hook.key}`)).status === 200; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect((await t.get(`/v2/webhooks/${hook.key}`)).status).toBe(404);
    hooks.pop();
  });

  it('team events deliver the contact', async () => {
    await subscribe('CONTACT_CREATE', 'contact', {}, `teamKey=${teamKey}`);
    const c = (
      await t.post(`/v2/teams/${teamKey}/contacts`, {
        givenName: 'Webhook',
        emailAddresses: [`wh${Date.now()}@example.com`],
      })
    ).body;
    const [got] = await rx.waitFor(1);
    expect((got?.body as Json[])[0].key).toBe(c.key);
    await t.del(`/v2/contacts/${c.key}`);
  });

  it('draft tasks fire no TASK_CREATE; published ones do', async () => {
    const hook = (await subscribe('TASK_CREATE', 'task')).body;
    const box = (await t.post(`/v2/pipelines/${p.key}/boxes`, { name: 'Tasks' })).body;
    await t.post(`/v2/boxes/${box.key}/tasks`, { text: 'draft', isDraft: true });
    await t.post(`/v2/boxes/${box.key}/tasks`, { text: 'real' });
    const log = (await t.control?.deliveries({ webhookKey: hook.key })) ?? [];
    expect(log.map((d) => (d.payload[0] as Json).text)).toEqual(['real']);
  });

  it('answers the API call while the receiver is still holding the delivery', async () => {
    await subscribe('BOX_CREATE', 'slow');
    rx.hang(true);
    try {
      const res = await t.post(`/v2/pipelines/${p.key}/boxes`, { name: 'Not blocked' });
      expect(res.status).toBe(200);
      await rx.waitFor(1);
      const [d] = (await t.control?.deliveries({ limit: 1 })) ?? [];
      expect(d?.status).toBe('pending');
    } finally {
      rx.hang(false);
      await t.control?.clearDeliveries();
    }
  });
});
