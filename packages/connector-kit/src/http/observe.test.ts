import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, describe, expect, it } from 'vitest';
import { sendJson, startFixture } from '../test/fixture-server';
import { createHttpClient } from './client';
import { RATE_LIMITER_WAIT_CHANNEL, type RateLimiterWait } from './observe';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

function listen(): RateLimiterWait[] {
  const seen: RateLimiterWait[] = [];
  const onMessage = (m: unknown) => seen.push(m as RateLimiterWait);
  subscribe(RATE_LIMITER_WAIT_CHANNEL, onMessage);
  cleanups.push(() => void unsubscribe(RATE_LIMITER_WAIT_CHANNEL, onMessage));
  return seen;
}

describe('rate-limiter waits on the diagnostics channel', () => {
  it('reports a request that slept for a token, and none for one that did not wait', async () => {
    const server = await startFixture((_req, res) => sendJson(res, 200, {}));
    const client = createHttpClient({ baseUrl: server.url, connector: 'Test', allowPrivateHost: true, rateLimit: { ratePerSec: 20, burst: 1 } });
    cleanups.push(() => server.close(), () => client.close());
    const seen = listen();
    await client.json({ path: '/a' });
    expect(seen).toEqual([]);
    await client.json({ path: '/b' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ connector: 'Test', outcome: 'waited' });
    expect(seen[0]?.waitMs).toBeGreaterThan(0);
  });

  it('reports a wait too long to sleep through as deferred, with the delay handed to the engine', async () => {
    const server = await startFixture((_req, res) => sendJson(res, 429, { error: 'slow down' }, { 'retry-after': '30' }));
    const client = createHttpClient({ baseUrl: server.url, connector: 'Test', allowPrivateHost: true, retry: { maxAttempts: 1 } });
    cleanups.push(() => server.close(), () => client.close());
    const seen = listen();
    await expect(client.json({ path: '/a' })).rejects.toMatchObject({ type: 'RateLimitedError' });
    await expect(client.json({ path: '/b' })).rejects.toMatchObject({ type: 'RateLimitedError' });
    expect(seen.map((s) => s.outcome)).toEqual(['deferred']);
    expect(seen[0]?.waitMs).toBeGreaterThan(20_000);
    expect(server.requests).toHaveLength(1);
  });
});
