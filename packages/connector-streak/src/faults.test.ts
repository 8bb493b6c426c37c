// The connector under injected faults: 429 bursts with Retry-After, a per-key rate limit, 5xx and
// an unreachable or refused host, against the sandbox.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitedError, RetryableError, openConnection, retryDecision, testConnection } from '@conduit/connector-kit';
import { startSandbox } from '@conduit/streak-sandbox';
import { streakConnector } from './index';
import { type StreakTarget, sandboxTarget } from './test/target';

describe('Streak connector under sandbox faults', () => {
  let t: StreakTarget;
  let boxKey: string;
  let pipelineKey: string;
  beforeAll(async () => {
    t = await sandboxTarget();
    const pipelines = await t.conn.http.json<{ key: string }[]>({ path: '/v1/pipelines' });
    pipelineKey = pipelines[0]?.key ?? '';
    boxKey = (await t.conn.http.json<{ key: string }[]>({ path: `/v1/pipelines/${pipelineKey}/boxes` }))[0]?.key ?? '';
  });
  afterEach(async () => {
    await t.control?.clearFaults();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('rides out a 429 burst by waiting for Retry-After, including on a non-idempotent create', async () => {
    await t.control?.setFaults({ burst429: { count: 2, retryAfterSeconds: 1 } });
    const box = (await t.conn.runAction('createBox', { pipelineKey, name: 'Burst Ltd' }, { idempotencyKey: 'burst' })) as { name: string };
    expect(box.name).toBe('Burst Ltd');
    expect((await t.control?.faults())?.burst429.count).toBe(0);
  });

  it('hands a long Retry-After to the engine as RateLimitedError with the delay', async () => {
    // A connection of its own: the 90 s pause it learns would hold back the other tests' connection.
    const conn = openConnection(streakConnector, t.auth);
    await t.control?.setFaults({ burst429: { count: 1, retryAfterSeconds: 90 } });
    const err = await conn.runAction('getBox', { boxKey }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(retryDecision(err)).toMatchObject({ retryable: true, delayMs: 90_000, type: 'RateLimitedError' });
    // The pause now applies to the whole connection: the next call is held back without a request.
    const held = await conn.runAction('getBox', { boxKey }).catch((e: unknown) => e);
    expect(held).toBeInstanceOf(RateLimitedError);
    expect((held as RateLimitedError).retryAfterMs).toBeGreaterThan(60_000);
    await conn.close();
  });

  it('stays within a per-key rate limit by honouring the 429s it gets', async () => {
    // Two reads are four requests: at 2/s up to two meet a 429 and wait for Retry-After. A request can
    // be refused at most twice, which the client's three attempts absorb, so timing luck cannot fail this.
    await t.control?.setFaults({ rateLimitPerSecond: 2 });
    const reads = await Promise.all([1, 2].map(() => t.conn.runAction('getBox', { boxKey }) as Promise<{ key: string }>));
    expect(reads.map((b) => b.key)).toEqual([boxKey, boxKey]);
  });

  it('reports a persistent 5xx as retryable, naming the object, and creates nothing', async () => {
    await t.control?.setFaults({ errorRate: 1, errorStatus: 503 });
    const err = await t.conn.runAction('createBox', { pipelineKey, name: 'Never Made' }, { idempotencyKey: 'k5' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err).toMatchObject({ reason: 'server', status: 503, subject: { type: 'pipeline', key: pipelineKey } });
    expect(retryDecision(err).retryable).toBe(true);
    await t.control?.clearFaults();
    const found = (await t.conn.runAction('findBoxes', { pipelineKey, name: 'Never Made' })) as { count: number };
    expect(found.count).toBe(0);
  });

  it('lets overlapping attempts of one create (a timed-out activity beside its retry) converge on one box', async () => {
    // Latency keeps each attempt in flight while the next starts, so they all look before any has created.
    await t.control?.setFaults({ latencyMs: 100 });
    const input = { pipelineKey, name: 'Racer GmbH', externalRef: { field: 'Sage customer no', value: '01-RACE' } };
    const attempts = [0, 1, 2].map(async (i) => {
      await new Promise((r) => setTimeout(r, i * 30));
      return (await t.conn.runAction('createBox', input, { idempotencyKey: `race-${i}` })) as { key: string };
    });
    const results = await Promise.all(attempts);
    expect(new Set(results.map((r) => r.key)).size).toBe(1);
    await t.control?.clearFaults();
    const found = (await t.conn.runAction('findBoxes', { pipelineKey, field: 'Sage customer no', value: '01-RACE' })) as { boxes: { key: string }[] };
    expect(found.boxes.map((b) => b.key)).toEqual([results[0]?.key]);
  });

  it('tells a refused private host and an unreachable host from bad credentials', async () => {
    const sb = await startSandbox({ dataFile: null, seed: false });
    const baseUrl = `${sb.url}/api`;
    expect(await testConnection(streakConnector, { apiKey: sb.apiKey, baseUrl })).toMatchObject({ ok: false, reason: 'host_blocked' });
    expect(await testConnection(streakConnector, { apiKey: sb.apiKey, baseUrl, allowPrivateHost: true })).toMatchObject({ ok: true });
    await sb.close();
    expect(await testConnection(streakConnector, { apiKey: sb.apiKey, baseUrl, allowPrivateHost: true })).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(await testConnection(streakConnector, { baseUrl })).toMatchObject({ ok: false, reason: 'invalid_settings' });
    expect(() => openConnection(streakConnector, { apiKey: '' })).toThrow(/apiKey/);
  });
});
