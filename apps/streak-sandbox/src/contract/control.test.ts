// The /__sandbox control API (sandbox only): faults, delivery drops, reset/seed, persistence.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxControl } from '../control-client';
import { DEMO_FIELDS, DEMO_STAGES } from '../seed/demo';
import { demoSeed } from '../seed/info';
import { startSandbox } from '../server';
import { startReceiver } from './receiver';
import { AGAINST_REAL_STREAK, basic, expectError, openTarget, type Target } from './target';

let t: Target;
beforeAll(async () => {
  t = await openTarget();
});
afterAll(async () => t.close());

describe.skipIf(AGAINST_REAL_STREAK)('faults', () => {
  it('429 bursts carry Retry-After, then requests succeed again', async () => {
    await t.control?.setFaults({ burst429: { count: 2, retryAfterSeconds: 3 } });
    const first = await t.get('/v1/users/me');
    expectError(first, 429);
    expect(first.headers.get('retry-after')).toBe('3');
    expectError(await t.get('/v1/users/me'), 429);
    expect((await t.get('/v1/users/me')).status).toBe(200);
  });

  it('an error rate of 1 answers every API call with the configured 5xx in Streak error style', async () => {
    await t.control?.setFaults({ errorRate: 1, errorStatus: 502 });
    expectError(await t.get('/v1/pipelines'), 502);
    await t.control?.clearFaults();
    expect((await t.get('/v1/pipelines')).status).toBe(200);
  });

  it('a rate limit answers 429 + Retry-After once the per-second budget is spent', async () => {
    await t.control?.setFaults({ rateLimitPerSecond: 2 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.get('/v1/users/me')).status);
    await t.control?.clearFaults();
    expect(statuses).toContain(429);
  });

  it('latency still answers correctly', async () => {
    await t.control?.setFaults({ latencyMs: 50 });
    expect((await t.get('/v1/users/me')).status).toBe(200);
    await t.control?.clearFaults();
  });

  it('rejects an invalid fault configuration and keeps the previous one', async () => {
    await expect(t.control?.setFaults({ errorRate: 2 })).rejects.toThrow(/400/);
    expect((await t.control?.faults())?.errorRate).toBe(0);
  });

  it('drops webhook deliveries on demand and logs them as dropped', async () => {
    const rx = await startReceiver();
    const p = (await t.get('/v1/pipelines')).body[0];
    const hook = (
      await t.request('POST', `/v2/webhooks?pipelineKey=${p.key}`, {
        json: { event: 'BOX_CREATE', targetUrl: rx.url },
      })
    ).body;
    await t.control?.setFaults({ webhookDropRate: 1 });
    await t.post(`/v2/pipelines/${p.key}/boxes`, { name: 'dropped' });
    let d;
    for (let i = 0; i < 100 && d?.status !== 'dropped'; i++) {
      [d] = (await t.control?.deliveries({ webhookKey: hook.key })) ?? [];
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(d?.status).toBe('dropped');
    expect(rx.received).toHaveLength(0);
    await t.control?.clearFaults();
    await rx.close();
  });
});

describe.skipIf(AGAINST_REAL_STREAK)('seed and reset', () => {
  it('seeds the demo team: Sales pipeline with the six stages, the order fields, ~50 orgs, ~100 contacts, ~200 boxes', async () => {
    const info = await t.control?.seed();
    expect(info?.counts).toMatchObject({ boxes: 200, contacts: 100, organizations: 50 });
    const sales = (await t.get(`/v1/pipelines/${demoSeed().pipelineKey}`)).body;
    expect(sales.stageOrder.map((k: string) => sales.stages[k].name)).toEqual(DEMO_STAGES);
    expect(sales.fields.map((f: { name: string }) => f.name)).toEqual(DEMO_FIELDS.map((f) => f.name));
    expect(demoSeed().options['Order status']).toHaveProperty('Invoiced');
  });

  it('is deterministic: the same keys and values after every seed', async () => {
    const before = (await t.get(`/v1/pipelines/${demoSeed().pipelineKey}/boxes`)).text;
    await t.control?.seed();
    expect((await t.get(`/v1/pipelines/${demoSeed().pipelineKey}/boxes`)).text).toBe(before);
  });

  it('reset empties the data but keeps the demo users and their keys', async () => {
    const info = await t.control?.reset();
    expect(info?.counts).toEqual({ boxes: 0, contacts: 0, organizations: 0, webhooks: 0 });
    expect((await t.get('/v1/pipelines')).body).toEqual([]);
    expect((await t.request('GET', '/v1/users/me', { authorization: basic(t.apiKey) })).status).toBe(200);
    await t.control?.seed();
  });
});

describe.skipIf(AGAINST_REAL_STREAK)('persistence', () => {
  it('fails with EADDRINUSE on a taken port and leaves the data file alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'streak-sandbox-'));
    const dataFile = join(dir, 'state.json');
    const port = Number(new URL(t.origin).port);
    try {
      await expect(startSandbox({ port, dataFile })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      await new Promise((r) => setTimeout(r, 400));
      expect(existsSync(dataFile)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('survives a restart from its data file, also from an older snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'streak-sandbox-'));
    const dataFile = join(dir, 'state.json');
    try {
      const first = await startSandbox({ dataFile });
      const auth = { authorization: basic(first.apiKey), 'content-type': 'application/json' };
      const created = (await (
        await fetch(`${first.url}/api/v2/pipelines/${demoSeed().pipelineKey}/boxes`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ name: 'persisted' }),
        })
      ).json()) as { key: string };
      await first.close();
      // An older snapshot (before API keys were stored) still loads.
      const { apiKeys: _dropped, ...older } = JSON.parse(readFileSync(dataFile, 'utf8')) as Record<
        string,
        unknown
      >;
      writeFileSync(dataFile, JSON.stringify(older));
      const second = await startSandbox({ dataFile });
      const again = await fetch(`${second.url}/api/v1/boxes/${created.key}`, { headers: auth });
      expect(((await again.json()) as { name: string }).name).toBe('persisted');
      expect((await sandboxControl(second.url).info()).counts.boxes).toBe(201);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
