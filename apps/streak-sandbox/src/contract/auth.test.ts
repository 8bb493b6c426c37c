// Contract: authentication, error body, version split (§2, §3, §8.1–8.2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../seed/identity';
import { AGAINST_REAL_STREAK, basic, expectError, openTarget, type Target } from './target';

let t: Target;
beforeAll(async () => {
  t = await openTarget();
});
afterAll(async () => t.close());

describe('auth', () => {
  it('accepts the key as Basic username with an empty password', async () => {
    const res = await t.get('/v1/users/me');
    expect(res.status).toBe(200);
    expect(res.body.key).toBe(res.body.userKey);
    expect(res.body.email).toMatch(/@/);
  });

  it('accepts the key as a Bearer token', async () => {
    const res = await t.request('GET', '/v1/users/me', { authorization: `Bearer ${t.apiKey}` });
    expect(res.status).toBe(200);
  });

  it('accepts the key repeated as the Basic password', async () => {
    const auth = `Basic ${Buffer.from(`${t.apiKey}:${t.apiKey}`).toString('base64')}`;
    expect((await t.request('GET', '/v1/users/me', { authorization: auth })).status).toBe(200);
  });

  it('answers 401 {"success":false,"error":"invalid api key"} for an unknown key', async () => {
    const res = await t.request('GET', '/v1/users/me', {
      authorization: basic('strk_not_a_real_key_000000000000000'),
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ success: false, error: 'invalid api key' });
  });

  it('answers 401 without credentials', async () => {
    expectError(await t.request('GET', '/v2/users/me/teams', { authorization: null }), 401);
  });

  it.skipIf(AGAINST_REAL_STREAK)('accepts legacy 32-hex keys as well as strk_ keys', async () => {
    const legacy = DEMO_USERS.find((u) => /^[0-9a-f]{32}$/.test(u.apiKey));
    const res = await t.request('GET', '/v1/users/me', { authorization: basic(legacy?.apiKey ?? '') });
    expect(res.status).toBe(200);
    expect(res.body.email).toBe(legacy?.email);
  });
});

describe('version split', () => {
  it('serves box reads only under v1 (GET /v2/boxes/{k} is 404)', async () => {
    const res = await t.get('/v2/boxes/agxzfm1haWxmb29nYWVyCxIEQ2FzZRgAAAAAAAAAAAAAAAA');
    expect(res.status).toBe(404);
  });

  it('has no /v2/boxes collection, /v2/activities or /v2/fields', async () => {
    for (const path of ['/v2/boxes', '/v2/activities', '/v2/fields', '/v3/pipelines'])
      expect((await t.get(path)).status).toBe(404);
  });

  it('lists teams under v2 as {results}', async () => {
    const res = await t.get('/v2/users/me/teams');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.results)).toBe(true);
    const team = res.body.results[0];
    expect(team.key).toMatch(/^agxz/);
    expect(Array.isArray(team.members)).toBe(true);
  });

  it('gets a team and its users', async () => {
    const teamKey = (await t.get('/v2/users/me/teams')).body.results[0].key;
    expect((await t.get(`/v2/teams/${teamKey}`)).body.name).toEqual(expect.any(String));
    const users = await t.get(`/v2/teams/${teamKey}/users`);
    expect(users.body.results.length).toBeGreaterThan(0);
    expect(users.body.results[0].email).toMatch(/@/);
  });

  it('answers 400 for a malformed key and 404 for a well-formed unknown one', async () => {
    expectError(await t.get('/v1/boxes/not-a-key'), 400);
    expectError(await t.get('/v1/boxes/agxzfm1haWxmb29nYWVyCxIEQ2FzZRgAAAAAAAAAAAAAAAA'), 404);
  });
});
