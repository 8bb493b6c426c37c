// Contract: users (v1) and teams (v2), §4.1–4.2, plus the legacy body encodings (§3, §8.19).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGAINST_REAL_STREAK,
  dropPipeline,
  expectError,
  openTarget,
  scratchPipeline,
  type Json,
  type Target,
} from './target';

let t: Target;
let me: Json;
beforeAll(async () => {
  t = await openTarget();
  me = (await t.get('/v1/users/me')).body;
});
afterAll(async () => t.close());

describe('users', () => {
  it('returns the current user with the documented fields', async () => {
    for (const k of ['email', 'displayName', 'creationTimestamp', 'lastUpdatedTimestamp', 'key', 'userKey'])
      expect(me).toHaveProperty(k);
    expect((await t.get(`/v1/users/${me.key}`)).body.email).toBe(me.email);
  });

  it('updates the timezone of the current user', async () => {
    const original = me.timezoneId;
    const res = await t.post(`/v1/users/${me.key}`, { timezoneId: 'America/New_York' });
    expect(res.body.timezoneId).toBe('America/New_York');
    await t.post(`/v1/users/${me.key}`, { timezoneId: original ?? 'America/Chicago' });
  });
});

describe('api keys', () => {
  it('creates a key that authenticates, lists it, and deletes it (then it is refused)', async () => {
    const made = await t.request('PUT', '/v1/apikeys', {});
    expect(made.status).toBe(200);
    expect(made.body.keyType).toBe('USER');
    const secret: string = made.body.apiKey;
    expect((await t.request('GET', '/v1/users/me', { authorization: `Bearer ${secret}` })).body.key).toBe(
      me.key,
    );
    expect((await t.get('/v1/apikeys')).body.map((k: Json) => k.key)).toContain(made.body.key);
    expect((await t.del(`/v1/apikeys/${made.body.key}`)).body.success).toBe(true);
    expectError(await t.request('GET', '/v1/users/me', { authorization: `Bearer ${secret}` }), 401);
  });
});

describe.skipIf(AGAINST_REAL_STREAK)('teams (writes)', () => {
  it('creates a team (creator included) and replaces members on update', async () => {
    const team = (await t.post('/v2/teams', { name: 'Contract team', members: [{ userKey: me.key }] })).body;
    expect(team.name).toBe('Contract team');
    expect(team.members.map((m: Json) => m.userKey)).toEqual([me.key]);
    const renamed = (await t.post(`/v2/teams/${team.key}`, { name: 'Contract team 2' })).body;
    expect([renamed.name, renamed.members.length]).toEqual(['Contract team 2', 1]);
  });

  it('refuses a team that leaves out its creator', async () => {
    expectError(await t.post('/v2/teams', { name: 'No me', members: [] }), 400);
  });
});

describe('body encodings', () => {
  it('accepts the legacy form field json=<JSON string> on POST', async () => {
    const p = await scratchPipeline(t, 'encodings');
    const box = (await t.post(`/v2/pipelines/${p.key}/boxes`, { name: 'enc' })).body;
    const res = await t.request('POST', `/v1/boxes/${box.key}`, {
      form: { json: JSON.stringify({ notes: 'via json=' }) },
    });
    expect(res.body.notes).toBe('via json=');
    await dropPipeline(t, p.key);
  });

  it('reads the v1 newsfeed of a box (newest first, capped at 50)', async () => {
    const p = await scratchPipeline(t, 'newsfeed');
    const box = (await t.post(`/v2/pipelines/${p.key}/boxes`, { name: 'news' })).body;
    await t.post(`/v1/boxes/${box.key}`, { stageKey: p.stageOrder[1] });
    const feed = (await t.get(`/v1/boxes/${box.key}/newsfeed`)).body;
    expect(Array.isArray(feed)).toBe(true);
    expect(feed.length).toBeGreaterThanOrEqual(2);
    expect(feed[0].timestamp).toBeGreaterThanOrEqual(feed[1].timestamp);
    expect(feed[0].boxKey).toBe(box.key);
    await dropPipeline(t, p.key);
  });
});
