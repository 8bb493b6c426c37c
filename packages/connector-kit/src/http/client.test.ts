import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError, RateLimitedError, RetryableError } from '../errors';
import { memoryLogger } from '../log';
import { type Handler, sendJson, startFixture } from '../test/fixture-server';
import { type HttpClientOptions, createHttpClient } from './client';

const SECRET = 'strk_supersecretkey';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(handler: Handler, opts: Partial<HttpClientOptions> = {}) {
  const server = await startFixture(handler);
  const client = createHttpClient({
    baseUrl: `${server.url}/api`, connector: 'Test', allowPrivateHost: true,
    headers: { authorization: `Bearer ${SECRET}` }, retry: { baseDelayMs: 1 }, ...opts,
  });
  cleanups.push(() => server.close(), () => client.close());
  return { server, client };
}

describe('createHttpClient', () => {
  it('sends JSON with credentials and repeatable query params, and parses the reply', async () => {
    const { server, client } = await setup((req, res) => sendJson(res, 200, { ok: true, echo: JSON.parse(req.body) as unknown }));
    const body = await client.json({ method: 'POST', path: '/v2/things', query: { stageKey: ['5001', '5002'], page: 0, skip: undefined }, json: { a: 1 } });
    expect(body).toEqual({ ok: true, echo: { a: 1 } });
    const [req] = server.requests;
    expect(req?.url).toBe('/api/v2/things?stageKey=5001&stageKey=5002&page=0');
    expect(req?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(req?.headers['content-type']).toBe('application/json');
  });

  it('refuses a private base host unless the connection allows it, before sending anything', async () => {
    const { server } = await setup((_req, res) => sendJson(res, 200, {}));
    const guarded = createHttpClient({ baseUrl: server.url, connector: 'Test' });
    cleanups.push(() => guarded.close());
    const err = await guarded.json({ path: '/x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ reason: 'host_blocked' });
    expect(server.requests).toHaveLength(0);
  });

  it('checks every redirect hop: another host is refused, and so is an allowed name resolving to a private address', async () => {
    const { server, client } = await setup((req, res) => {
      const target = req.url.endsWith('/meta') ? 'http://169.254.169.254/latest/meta-data' : `http://localhost:${(req.headers.host ?? '').split(':')[1]}/api/ok`;
      res.writeHead(302, { location: target }).end();
    }, { allowedHosts: ['localhost'] });
    for (const path of ['/meta', '/local']) {
      const err = await client.json({ path }).catch((e: unknown) => e);
      expect(err).toMatchObject({ type: 'PermanentError', reason: 'host_blocked' });
    }
    expect(server.requests.map((r) => r.url)).toEqual(['/api/meta', '/api/local']);
  });

  it('follows a redirect on its own host', async () => {
    const { client } = await setup((req, res) => (req.url === '/api/old' ? res.writeHead(301, { location: '/api/new' }).end() : sendJson(res, 200, { at: req.url })));
    expect(await client.json({ path: '/old' })).toEqual({ at: '/api/new' });
  });

  it('refuses a response body over the size cap', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, { blob: 'x'.repeat(5000) }), { maxResponseBytes: 1000 });
    await expect(client.json({ path: '/big' })).rejects.toMatchObject({ type: 'PermanentError', message: 'Test: response larger than 1000 bytes refused' });
  });

  it('retries a 429 after Retry-After, even for a POST', async () => {
    let n = 0;
    const { server, client } = await setup((_req, res) => (n++ === 0 ? sendJson(res, 429, { error: 'slow down' }, { 'retry-after': '0' }) : sendJson(res, 200, { done: true })));
    expect(await client.json({ method: 'POST', path: '/create', json: {} })).toEqual({ done: true });
    expect(server.requests).toHaveLength(2);
  });

  it('throws RateLimitedError with the delay when Retry-After exceeds what it may wait', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 429, { error: 'slow down' }, { 'retry-after': '120' }));
    const err = await client.json({ path: '/x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(120_000);
  });

  it('retries a 5xx on GET but not on a non-idempotent POST', async () => {
    let n = 0;
    const { server, client } = await setup((req, res) => (req.method === 'GET' && n++ > 0 ? sendJson(res, 200, { ok: 1 }) : sendJson(res, 503, { error: 'backend down' })));
    expect(await client.json({ path: '/get' })).toEqual({ ok: 1 });
    const err = await client.json({ method: 'POST', path: '/create', json: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err).toMatchObject({ reason: 'server', status: 503, remoteMessage: 'backend down' });
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('names the object and redacts secrets the remote echoes back', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 404, { error: `no pipeline for key ${SECRET}` }));
    const err = await client.json({ path: '/v1/pipelines/p1', subject: { type: 'pipeline', key: 'p1' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ reason: 'not_found', subject: { type: 'pipeline', key: 'p1' }, remoteMessage: 'no pipeline for key [REDACTED]' });
    expect((err as Error).message).toBe('Test: pipeline p1 was not found (HTTP 404): no pipeline for key [REDACTED]');
  });

  it('maps 401 to an auth error and keeps secrets out of logs', async () => {
    const log = memoryLogger();
    const { client } = await setup((_req, res) => sendJson(res, 401, { error: 'invalid api key' }), { log });
    const err = await client.json({ path: '/v1/users/me', query: { token: SECRET } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ type: 'PermanentError', reason: 'auth', remoteMessage: 'invalid api key' });
    expect(log.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(log.entries)).not.toContain(SECRET);
  });

  it('reports a hung server as a timeout and a closed port as a network error', async () => {
    const { client } = await setup(() => {}, { timeoutMs: 200, retry: { maxAttempts: 1 } });
    await expect(client.json({ path: '/hang' })).rejects.toMatchObject({ type: 'RetryableError', reason: 'timeout' });
    const { server } = await setup((_req, res) => sendJson(res, 200, {}));
    const closed = createHttpClient({ baseUrl: server.url, connector: 'Test', allowPrivateHost: true, retry: { maxAttempts: 1 } });
    cleanups.push(() => closed.close());
    await server.close();
    await expect(closed.json({ path: '/x' })).rejects.toMatchObject({ type: 'RetryableError', reason: 'network' });
  });

  it('stops at cancellation with the caller’s reason', async () => {
    const { client } = await setup(() => {});
    const ctl = new AbortController();
    const pending = client.withContext({ signal: ctl.signal }).json({ path: '/hang' });
    setTimeout(() => ctl.abort(new Error('activity cancelled')), 20);
    await expect(pending).rejects.toThrow('activity cancelled');
  });
});
