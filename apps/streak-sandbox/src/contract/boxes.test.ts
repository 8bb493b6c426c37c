// Contract: boxes (§4.6, §8.5–8.7): create/read/update/delete, stage moves, field value types,
// listing and paging, batch get and pipeline moves — and that a rejected update changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPipeline, expectError, openTarget, scratchPipeline, type Json, type Target } from './target';

let t: Target;
let p: Json;
let me: Json;
const f: Json = {};
const opt: Json = {};
beforeAll(async () => {
  t = await openTarget();
  me = (await t.get('/v1/users/me')).body;
  p = await scratchPipeline(t, 'boxes', [
    { name: 'Amount', type: 'TEXT_INPUT' },
    { name: 'Close', type: 'DATE' },
    { name: 'Rush', type: 'CHECKBOX' },
    { name: 'Currency', type: 'DROPDOWN' },
    { name: 'Segment', type: 'TAG' },
    { name: 'Score', type: 'FORMULA' },
  ]);
  for (const field of p.fields) f[field.name] = field.key;
  const dd = await t.post(`/v1/pipelines/${p.key}/fields/${f.Currency}`, {
    dropdownSettings: { items: [{ name: 'USD' }, { name: 'CAD' }] },
  });
  const tags = await t.post(`/v1/pipelines/${p.key}/fields/${f.Segment}`, {
    tagSettings: { tags: [{ tag: 'Retail' }, { tag: 'Gov' }] },
  });
  for (const i of dd.body.dropdownSettings.items) opt[i.name] = i.key;
  for (const tag of tags.body.tagSettings.tags) opt[tag.tag] = tag.key;
});
afterAll(async () => {
  await dropPipeline(t, p.key);
  await t.close();
});

const create = async (body: Json) => (await t.post(`/v2/pipelines/${p.key}/boxes`, body)).body;

describe('create and read', () => {
  it('v2 POST creates a box (200) in the first stage when stageKey is omitted, with dual keys', async () => {
    const res = await t.post(`/v2/pipelines/${p.key}/boxes`, { name: 'Acme order', notes: 'n' });
    expect(res.status).toBe(200);
    expect(res.body.key).toMatch(/^agxz/);
    expect(res.body.boxKey).toBe(res.body.key);
    expect(res.body.pipelineKey).toBe(p.key);
    expect(res.body.stageKey).toBe(p.stageOrder[0]);
    expect(res.body.creationTimestamp).toBeGreaterThan(1_500_000_000_000);
    expect((await t.get(`/v1/boxes/${res.body.key}`)).body.name).toBe('Acme order');
  });

  it('honours stageKey on create and the legacy v1 form PUT', async () => {
    expect((await create({ name: 'in stage 2', stageKey: p.stageOrder[1] })).stageKey).toBe(p.stageOrder[1]);
    const legacy = await t.put(`/v1/pipelines/${p.key}/boxes`, {
      name: 'form box',
      stageKey: p.stageOrder[2],
    });
    expect([legacy.status, legacy.body.stageKey]).toEqual([200, p.stageOrder[2]]);
  });

  it('refuses a box without a name or with an unknown stage, creating nothing', async () => {
    const before = (await t.get(`/v1/pipelines/${p.key}/boxes`)).body.length;
    expectError(await t.post(`/v2/pipelines/${p.key}/boxes`, { notes: 'no name' }), 400);
    expectError(await t.post(`/v2/pipelines/${p.key}/boxes`, { name: 'x', stageKey: '9999' }), 400);
    expect((await t.get(`/v1/pipelines/${p.key}/boxes`)).body.length).toBe(before);
  });

  it('answers 400 for malformed JSON', async () => {
    expectError(
      await t.request('POST', `/v2/pipelines/${p.key}/boxes`, {
        raw: { body: '{"name": ', contentType: 'application/json' },
      }),
      400,
    );
  });

  it('is not idempotent: two identical creates make two boxes', async () => {
    const a = await create({ name: 'twin' });
    const b = await create({ name: 'twin' });
    expect(a.key).not.toBe(b.key);
  });
});

describe('update', () => {
  it('moves stage via stageKey and bumps lastStageChangeTimestamp', async () => {
    const box = await create({ name: 'mover' });
    const res = await t.post(`/v1/boxes/${box.key}`, { stageKey: p.stageOrder[2] });
    expect(res.body.stageKey).toBe(p.stageOrder[2]);
    expect(res.body.lastStageChangeTimestamp).toBeGreaterThanOrEqual(box.lastStageChangeTimestamp);
    expect(res.body.lastUpdatedTimestamp).toBeGreaterThanOrEqual(box.lastUpdatedTimestamp);
  });

  it('applies whitelisted props, ignores unknown ones', async () => {
    const box = await create({ name: 'props' });
    const res = await t.post(`/v1/boxes/${box.key}`, {
      name: 'props 2',
      notes: 'hello',
      creationTimestamp: 5,
      bogus: true,
    });
    expect([res.body.name, res.body.notes, res.body.creationTimestamp, res.body.bogus]).toEqual([
      'props 2',
      'hello',
      box.creationTimestamp,
      undefined,
    ]);
  });

  it('takes assignees as [{email}] (also as a JSON string) and returns sharing entries', async () => {
    const box = await create({ name: 'assign' });
    const res = await t.post(`/v1/boxes/${box.key}`, { assignedToSharingEntries: [{ email: me.email }] });
    expect(res.body.assignedToSharingEntries).toEqual([
      expect.objectContaining({ userKey: me.key, email: me.email }),
    ]);
    const asString = await t.post(`/v1/boxes/${box.key}`, {
      assignedToSharingEntries: JSON.stringify([{ email: me.email }]),
    });
    expect(asString.body.assignedToSharingEntries).toHaveLength(1);
  });

  it('stores each field type in its documented form; the fields map merges by key', async () => {
    const box = await create({ name: 'typed' });
    const when = Date.UTC(2026, 5, 1);
    await t.post(`/v1/boxes/${box.key}`, { fields: { [f.Amount]: 42, [f.Close]: when } });
    const res = await t.post(`/v1/boxes/${box.key}`, {
      fields: { [f.Rush]: true, [f.Currency]: opt.CAD, [f.Segment]: [opt.Retail, opt.Gov] },
    });
    expect(res.body.fields).toEqual({
      [f.Amount]: '42',
      [f.Close]: when,
      [f.Rush]: true,
      [f.Currency]: opt.CAD,
      [f.Segment]: [opt.Retail, opt.Gov],
    });
  });

  it.each([
    ['DATE given a date string', 'Close', '2026-06-01'],
    ['CHECKBOX given "yes"', 'Rush', 'yes'],
    ['DROPDOWN given an unknown option key', 'Currency', '123456'],
    ['TAG given an unknown tag key', 'Segment', ['123456']],
    ['TEXT_INPUT given an object', 'Amount', { a: 1 }],
    ['FORMULA (read-only)', 'Score', 'x'],
  ])('rejects %s with 400 and applies nothing of the update', async (_label, field, value) => {
    const box = await create({ name: 'strict' });
    const res = await t.post(`/v1/boxes/${box.key}`, {
      name: 'must not apply',
      stageKey: p.stageOrder[1],
      fields: { [f.Amount]: '1', [f[field] as string]: value },
    });
    expectError(res, 400);
    const now = (await t.get(`/v1/boxes/${box.key}`)).body;
    expect([now.name, now.stageKey, now.fields]).toEqual(['strict', box.stageKey, {}]);
  });

  it('rejects an unknown field key or stage key and changes nothing', async () => {
    const box = await create({ name: 'unknowns' });
    expectError(await t.post(`/v1/boxes/${box.key}`, { name: 'no', fields: { 99999: 'x' } }), 400);
    expectError(await t.post(`/v1/boxes/${box.key}`, { name: 'no', stageKey: '77' }), 400);
    expect((await t.get(`/v1/boxes/${box.key}`)).body.name).toBe('unknowns');
  });

  it('reads the fields map from a legacy form body and refuses a fields value that is not a map', async () => {
    const box = await create({ name: 'form fields' });
    const res = await t.request('POST', `/v1/boxes/${box.key}`, {
      form: { fields: JSON.stringify({ [f.Amount]: '5' }) },
    });
    expect(res.body.fields).toEqual({ [f.Amount]: '5' });
    const bad = await t.post(`/v1/boxes/${box.key}`, { fields: ['x'] });
    expectError(bad, 400);
    expect(bad.body.error).toMatch(/fields/);
  });

  it('null clears a field value', async () => {
    const box = await create({ name: 'clear' });
    await t.post(`/v1/boxes/${box.key}`, { fields: { [f.Amount]: 'x' } });
    expect((await t.post(`/v1/boxes/${box.key}`, { fields: { [f.Amount]: null } })).body.fields).toEqual({});
  });

  it('field value endpoints: list [{key, value}], get and set one', async () => {
    const box = await create({ name: 'values' });
    const set = await t.post(`/v1/boxes/${box.key}/fields/${f.Amount}`, { value: '99.50' });
    expect(set.body).toEqual({ key: f.Amount, value: '99.50' });
    expect((await t.get(`/v1/boxes/${box.key}/fields/${f.Amount}`)).body).toEqual({
      key: f.Amount,
      value: '99.50',
    });
    expect((await t.get(`/v1/boxes/${box.key}/fields`)).body).toEqual([{ key: f.Amount, value: '99.50' }]);
    expectError(await t.post(`/v1/boxes/${box.key}/fields/${f.Rush}`, { value: 'nope' }), 400);
  });
});

describe('list, batch, move, delete', () => {
  it('lists boxes as a bare array, filters by stageKey, pages with {results, hasNextPage}', async () => {
    const all = (await t.get(`/v1/pipelines/${p.key}/boxes`)).body;
    expect(Array.isArray(all)).toBe(true);
    const inStage = (await t.get(`/v1/pipelines/${p.key}/boxes?stageKey=${p.stageOrder[1]}`)).body;
    expect(inStage.length).toBeGreaterThan(0);
    expect(inStage.every((b: Json) => b.stageKey === p.stageOrder[1])).toBe(true);
    const page0 = (await t.get(`/v1/pipelines/${p.key}/boxes?limit=2&page=0`)).body;
    const page1 = (await t.get(`/v1/pipelines/${p.key}/boxes?limit=2&page=1`)).body;
    expect([page0.results.length, page0.hasNextPage]).toEqual([2, true]);
    expect(page1.results[0].key).not.toBe(page0.results[0].key);
  });

  it('sortBy=lastUpdatedTimestamp is descending', async () => {
    const list = (await t.get(`/v1/pipelines/${p.key}/boxes?sortBy=lastUpdatedTimestamp`)).body.map(
      (b: Json) => b.lastUpdatedTimestamp,
    );
    expect(list).toEqual([...list].sort((a: number, b: number) => b - a));
  });

  it('batch get returns the requested boxes', async () => {
    const a = await create({ name: 'batch a' });
    const b = await create({ name: 'batch b' });
    const res = await t.post(`/v1/pipelines/${p.key}/boxes/batch/`, [a.key, b.key]);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(a.key);
    expect(JSON.stringify(res.body)).toContain(b.key);
  });

  it('links contacts and organizations (lists replace)', async () => {
    const teamKey = p.teamKey;
    const c = (
      await t.post(`/v2/teams/${teamKey}/contacts`, {
        givenName: 'Link',
        emailAddresses: [`link${Date.now()}@example.com`],
      })
    ).body;
    const o = (
      await t.post(`/v2/teams/${teamKey}/organizations`, {
        name: 'Link Org',
        domains: [`link${Date.now()}.example.com`],
      })
    ).body;
    const box = await create({ name: 'linked' });
    const res = await t.post(`/v1/boxes/${box.key}`, {
      contacts: [{ key: c.key, isStarred: true }],
      organizations: [{ key: o.key, isStarred: false }],
    });
    expect(res.body.contacts).toEqual([expect.objectContaining({ key: c.key, isStarred: true })]);
    expect(res.body.organizations[0].key).toBe(o.key);
    expect((await t.post(`/v1/boxes/${box.key}`, { contacts: [] })).body.contacts).toEqual([]);
    await t.del(`/v2/contacts/${c.key}`);
    await t.del(`/v2/organizations/${o.key}`);
  });

  it('moves boxes to another pipeline with the v2 batch endpoint', async () => {
    const other = await scratchPipeline(t, 'boxes target');
    const box = await create({ name: 'traveller' });
    const res = await t.post(`/v2/pipelines/${p.key}/boxes/batch`, [
      { key: box.key, boxKey: box.key, pipelineKey: other.key },
    ]);
    expect(res.status).toBe(200);
    const moved = (await t.get(`/v1/boxes/${box.key}`)).body;
    expect([moved.pipelineKey, moved.stageKey]).toEqual([other.key, other.stageOrder[0]]);
    await dropPipeline(t, other.key);
  });

  it('delete returns {success:true}, cascades tasks, and the box is gone (404) afterwards', async () => {
    const box = await create({ name: 'doomed' });
    const task = (await t.post(`/v2/boxes/${box.key}/tasks`, { text: 'call' })).body;
    expect((await t.del(`/v1/boxes/${box.key}`)).body).toEqual({ success: true });
    expect((await t.get(`/v1/boxes/${box.key}`)).status).toBe(404);
    expect((await t.get(`/v2/tasks/${task.key}`)).status).toBe(404);
    expectError(await t.del(`/v1/boxes/${box.key}`), 404);
  });

  it('renders a box as markdown', async () => {
    const box = await create({ name: 'Markdown box' });
    const res = await t.get(`/v1/boxes/${box.key}/md`);
    expect(res.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(res.text).toContain('# Markdown box');
  });
});
