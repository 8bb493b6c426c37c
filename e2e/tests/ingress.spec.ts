import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDb, createSecretBox } from '@conduit/db';
import { expect, test } from '@playwright/test';
import { E2E } from '../playwright.config';

// The webhook ingress over real HTTP, as Streak calls it: the token is checked before the body is read,
// and nothing is recorded for a rejected request. Bodies go as Buffers: Playwright JSON-encodes strings.
const dataDir = fileURLToPath(new URL('../../.conduit/e2e/', import.meta.url));

test.describe('Streak webhook ingress over HTTP', () => {
  let url: string;
  let token: string;
  const db = createDb({ databaseUrl: E2E.databaseUrl, maxConnections: 2 });

  test.beforeAll(async () => {
    const keys = /CONDUIT_SECRET_KEYS=(.*)/.exec(readFileSync(`${dataDir}local.env`, 'utf8'))?.[1] ?? '';
    const env = await db.environment.findFirstOrThrow({ where: { key: 'dev' } });
    token = createSecretBox(keys).decrypt(env.webhookSecretEnc);
    url = `/api/hooks/streak/dev/${env.webhookEndpointId}?event=BOX_CHANGE_STAGE`;
  });
  test.afterAll(async () => {
    await db.$disconnect();
  });

  test('rejects bad requests with a precise status and records nothing', async ({ request }) => {
    const before = await db.webhookEvent.count();
    const box = Buffer.from(JSON.stringify([{ key: 'box-e2e', lastUpdatedTimestamp: 1 }]));
    const json = { 'content-type': 'application/json' };
    await test.step('wrong and missing token: 401', async () => {
      expect((await request.post(url, { headers: { ...json, 'x-streak-webhook-token': 'nope' }, data: box })).status()).toBe(401);
      expect((await request.post(url, { headers: json, data: box })).status()).toBe(401);
    });
    await test.step('unknown endpoint: 404', async () => {
      expect((await request.post('/api/hooks/streak/dev/not-an-endpoint?event=BOX_EDIT', { headers: { ...json, 'x-streak-webhook-token': token }, data: box })).status()).toBe(404);
    });
    await test.step('content-type confusion: 415', async () => {
      const r = await request.post(url, { headers: { 'content-type': 'text/plain', 'x-streak-webhook-token': token }, data: box });
      expect(r.status()).toBe(415);
      expect((await r.json()).message).toMatch(/application\/json/);
    });
    await test.step('malformed JSON: 400 with the reason', async () => {
      const r = await request.post(url, { headers: { ...json, 'x-streak-webhook-token': token }, data: Buffer.from('[{"key":') });
      expect(r.status()).toBe(400);
      expect((await r.json()).message).toMatch(/not valid JSON/);
    });
    await test.step('oversized body: 413', async () => {
      const big = Buffer.from(JSON.stringify([{ key: 'x', notes: 'x'.repeat(1_100_000) }]));
      expect((await request.post(url, { headers: { ...json, 'x-streak-webhook-token': token }, data: big })).status()).toBe(413);
    });
    expect(await db.webhookEvent.count()).toBe(before);
  });

  test('accepts a delivery once; a replay answers 200 and starts nothing', async ({ request }) => {
    const body = Buffer.from(JSON.stringify([{ key: 'box-e2e-dup', boxKey: 'box-e2e-dup', lastUpdatedTimestamp: Date.now() }]));
    const headers = { 'content-type': 'application/json', 'x-streak-webhook-token': token };
    const first = await request.post(url, { headers, data: body });
    expect(first.status()).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, events: 1, duplicates: 0 });
    const again = await request.post(url, { headers, data: body });
    expect(again.status()).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, events: 0, duplicates: 1, runsStarted: 0 });
  });
});
