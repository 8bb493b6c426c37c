import { afterEach, describe, expect, it } from 'vitest';
import { openConnection, testConnection } from './connection';
import { PermanentError } from './errors';
import { ConnectorRegistry } from './registry';
import { describeConnector } from './describe';
import { defineConnector } from './builders';
import { receiveWebhook } from './webhook';
import { echoConnector } from './test/echo-connector';
import { sendJson, startFixture } from './test/fixture-server';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function echoServer() {
  const server = await startFixture((req, res) => {
    if (req.headers.authorization !== 'Bearer good') return sendJson(res, 401, { error: 'invalid api key' });
    if (req.url === '/me') return sendJson(res, 200, { name: 'Ada' });
    if (req.url === '/items') return sendJson(res, 200, { id: 'i1', ...(JSON.parse(req.body) as object) });
    if (req.url === '/hooks') return sendJson(res, 200, { id: 'h1' });
    return sendJson(res, 404, { error: 'nope' });
  });
  cleanups.push(() => server.close());
  const open = (apiKey = 'good') => {
    const conn = openConnection(echoConnector, { apiKey, baseUrl: server.url, allowPrivateHost: true });
    cleanups.push(() => conn.close());
    return conn;
  };
  return { server, open };
}

describe('openConnection', () => {
  it('runs an action with parsed input and the idempotency key, returning validated JSON', async () => {
    const { server, open } = await echoServer();
    const out = await open().runAction('createItem', { name: 'A', folder: 'f' }, { idempotencyKey: 'k1' });
    expect(out).toEqual({ id: 'i1', name: 'A' });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ name: 'A', folder: 'f', ref: 'k1' });
  });

  it('rejects bad input, a missing idempotency key and unknown actions before any request', async () => {
    const { server, open } = await echoServer();
    const conn = open();
    const bad = await conn.runAction('createItem', { name: '' }, { idempotencyKey: 'k' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(PermanentError);
    expect((bad as PermanentError).issues?.map((i) => i.path)).toEqual(['name', 'folder']);
    await expect(conn.runAction('createItem', { name: 'A', folder: 'f' })).rejects.toMatchObject({ reason: 'validation', message: 'Echo: action createItem needs an idempotency key' });
    await expect(conn.runAction('deleteAll', {})).rejects.toMatchObject({ reason: 'not_found', subject: { type: 'action', key: 'deleteAll' } });
    expect(server.requests).toHaveLength(0);
  });

  it('reports an action whose output breaks its schema as an internal error', async () => {
    const { open } = await echoServer();
    await expect(open().runAction('brokenItem', {})).rejects.toMatchObject({ type: 'PermanentError', reason: 'internal' });
  });

  it('tells invalid settings, a bad key and an unreachable host apart', async () => {
    const { server } = await echoServer();
    const settings = { baseUrl: server.url, allowPrivateHost: true };
    expect(await testConnection(echoConnector, { ...settings, apiKey: 'good' })).toEqual({ ok: true, account: { name: 'Ada' } });
    expect(await testConnection(echoConnector, { ...settings, apiKey: 'bad' })).toMatchObject({ ok: false, reason: 'invalid_credentials' });
    expect(await testConnection(echoConnector, { ...settings })).toMatchObject({ ok: false, reason: 'invalid_settings' });
    expect(await testConnection(echoConnector, { apiKey: 'good', baseUrl: server.url })).toMatchObject({ ok: false, reason: 'host_blocked' });
    await server.close();
    expect(await testConnection(echoConnector, { ...settings, apiKey: 'good' })).toMatchObject({ ok: false, reason: 'unreachable' });
  });

  it('loads pickers and discovery for the connection', async () => {
    const { open } = await echoServer();
    expect(await open().loadPicker('folders', { parent: 'p' })).toEqual([{ value: 'f-p', label: 'Folder' }]);
    expect((await open().discover()).entities[0]?.key).toBe('item');
  });

  it('subscribes a webhook, then accepts only deliveries carrying the token', async () => {
    const { open } = await echoServer();
    const sub = await open().subscribe('itemCreated', { folder: 'f' }, { targetUrl: 'https://x/hook', token: 'tok' });
    expect(sub).toEqual({ id: 'h1' });
    const ctx = { config: { folder: 'f' }, token: 'tok', subscription: sub };
    const body = [{ id: 'i9', name: 'Nine' }];
    expect(receiveWebhook(echoConnector, 'itemCreated', { ...ctx, delivery: { headers: { 'X-Token': 'tok' }, body } })).toEqual([{ eventKey: 'i9', payload: body[0] }]);
    expect(() => receiveWebhook(echoConnector, 'itemCreated', { ...ctx, delivery: { headers: { 'x-token': 'tok2' }, body } })).toThrow(/failed verification/);
    expect(() => receiveWebhook(echoConnector, 'itemCreated', { ...ctx, delivery: { headers: { 'x-token': 'tok' }, body: [{ id: 1 }] } })).toThrow(PermanentError);
  });
});

describe('registry and descriptions', () => {
  it('finds actions by connector id, version and key', () => {
    const registry = new ConnectorRegistry([echoConnector]);
    expect(registry.getAction('echo', '1', 'createItem').idempotent).toBe('key');
    expect(registry.listActions().map((a) => `${a.connectorId}@${a.version}/${a.action.key}`)).toEqual(['echo@1/createItem', 'echo@1/brokenItem']);
    expect(() => registry.getAction('echo', '2', 'createItem')).toThrow('connector echo@2 is not installed');
    expect(() => registry.register(echoConnector)).toThrow('already registered');
  });

  it('describes a connector as plain JSON with JSON Schemas and UI hints', () => {
    const d = describeConnector(echoConnector);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    const create = d.actions.find((a) => a.key === 'createItem');
    expect(create?.input).toMatchObject({ type: 'object', required: ['name', 'folder'], properties: { name: { type: 'string', minLength: 1 } } });
    expect(create?.ui.fields?.folder?.picker).toEqual({ source: 'folders', dependsOn: ['parent'] });
    expect(d.triggers[0]?.modes).toEqual(['webhook']);
  });

  it('refuses UI hints for inputs that do not exist', () => {
    const [create] = echoConnector.actions;
    if (!create) throw new Error('fixture');
    const typo = { ...create, ui: { fields: { fodler: { label: 'Folder' }, folder: { picker: { source: 'folders', dependsOn: ['parnet'] } } } } };
    expect(() => defineConnector({ ...echoConnector, actions: [typo] })).toThrow(/UI hint for unknown input fodler[\s\S]*depends on unknown input parnet/);
  });

  it('refuses a malformed declaration at definition time', () => {
    expect(() => defineConnector({ ...echoConnector, id: 'Echo Two', actions: [...echoConnector.actions, echoConnector.actions[0]!] })).toThrow(/lower-case kebab[\s\S]*duplicate key/);
  });
});
