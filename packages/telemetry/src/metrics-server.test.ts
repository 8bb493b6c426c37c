import { afterEach, describe, expect, it } from 'vitest';
import { checkMetricsAccess, webhookOutcome } from './metrics-access';
import { startMetricsServer, type MetricsServer } from './metrics-server';

const servers: MetricsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(options: { host: string; token?: string }): Promise<MetricsServer> {
  const server = await startMetricsServer({ port: 0, ...options });
  servers.push(server);
  return server;
}

const TOKEN = 'metrics-token-0123456789';

describe('the worker /metrics server', () => {
  it('serves Prometheus text on loopback without a token, and nothing but GET /metrics', async () => {
    const server = await start({ host: '127.0.0.1' });
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await res.text()).toContain('# TYPE conduit_runs_started_total counter');
    expect((await fetch(server.url.replace('/metrics', '/'))).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(404);
  });

  it('asks for the bearer token when one is set, comparing it exactly', async () => {
    const server = await start({ host: '127.0.0.1', token: TOKEN });
    expect((await fetch(server.url)).status).toBe(401);
    expect((await fetch(server.url, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(server.url, { headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(401);
    const ok = await fetch(server.url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
  });

  it('refuses to listen on every interface without a token', async () => {
    await expect(startMetricsServer({ host: '0.0.0.0', port: 0 })).rejects.toThrow('Metrics would listen on 0.0.0.0 without a token; set METRICS_TOKEN or bind to 127.0.0.1.');
    const open = await start({ host: '0.0.0.0', token: TOKEN });
    expect(open.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/metrics$/);
  });
});

describe('the /metrics access rule shared with the designer', () => {
  it('without a token: open on loopback, off (404) elsewhere', () => {
    expect(checkMetricsAccess({ authorization: null, loopbackOnly: true })).toEqual({ ok: true });
    expect(checkMetricsAccess({ authorization: `Bearer ${TOKEN}`, loopbackOnly: false })).toMatchObject({ ok: false, status: 404 });
  });

  it('with a token: only the bearer token opens it, wherever it listens', () => {
    expect(checkMetricsAccess({ token: TOKEN, authorization: null, loopbackOnly: true })).toMatchObject({ ok: false, status: 401 });
    expect(checkMetricsAccess({ token: TOKEN, authorization: `bearer  ${TOKEN}`, loopbackOnly: false })).toEqual({ ok: true });
  });

  it('names webhook outcomes by answer', () => {
    expect(webhookOutcome(200, { events: 1 })).toBe('accepted');
    expect(webhookOutcome(200, { events: 0, duplicates: 1 })).toBe('duplicate');
    expect([401, 403, 404, 413, 415, 400, 503, 500, 405].map((s) => webhookOutcome(s, {}))).toEqual(['unauthorized', 'forbidden', 'not_found', 'too_large', 'unsupported_type', 'bad_request', 'unavailable', 'error', 'rejected']);
  });
});
