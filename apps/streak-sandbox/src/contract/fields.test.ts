// Contract: pipeline field definitions (§4.5): every type, options, update rules, type changes refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPipeline, expectError, openTarget, scratchPipeline, type Json, type Target } from './target';

let t: Target;
let p: Json;
beforeAll(async () => {
  t = await openTarget();
  p = await scratchPipeline(t, 'fields');
});
afterAll(async () => {
  await dropPipeline(t, p.key);
  await t.close();
});

const TYPES = [
  'TEXT_INPUT',
  'DROPDOWN',
  'CHECKBOX',
  'DATE',
  'PERSON',
  'FORMULA',
  'TAG',
  'TEAM_CONTACT',
  'TEAM_ORGANIZATION',
];

describe('field definitions', () => {
  it('creates a field of every type with numeric-string keys (v2 POST)', async () => {
    const keys: string[] = [];
    for (const type of TYPES) {
      const res = await t.post(`/v2/pipelines/${p.key}/fields`, { name: `F ${type}`, type });
      expect(res.status).toBe(200);
      expect(res.body.type).toBe(type);
      expect(res.body.key).toMatch(/^\d+$/);
      keys.push(res.body.key);
    }
    const list = await t.get(`/v1/pipelines/${p.key}/fields`);
    expect(Array.isArray(list.body)).toBe(true);
    expect(list.body.map((f: Json) => f.key)).toEqual(expect.arrayContaining(keys));
  });

  it('rejects an unknown type and a missing name', async () => {
    expectError(await t.post(`/v2/pipelines/${p.key}/fields`, { name: 'bad', type: 'NUMBER' }), 400);
    expectError(await t.post(`/v2/pipelines/${p.key}/fields`, { type: 'TEXT_INPUT' }), 400);
  });

  it('creates a field with the legacy form PUT', async () => {
    const res = await t.put(`/v1/pipelines/${p.key}/fields`, { name: 'Legacy', type: 'TEXT_INPUT' });
    expect(res.body.name).toBe('Legacy');
    expect((await t.get(`/v1/pipelines/${p.key}/fields/${res.body.key}`)).body.name).toBe('Legacy');
  });

  it('dropdown items: items without key are added, omitted ones removed, unless addOnly=true', async () => {
    const f = (await t.post(`/v2/pipelines/${p.key}/fields`, { name: 'Source', type: 'DROPDOWN' })).body;
    const one = await t.post(`/v1/pipelines/${p.key}/fields/${f.key}`, {
      dropdownSettings: { items: [{ name: 'Inbound' }, { name: 'Referral' }] },
    });
    const [inbound, referral] = one.body.dropdownSettings.items;
    expect(inbound.key).toMatch(/^\d+$/);
    const two = await t.post(`/v1/pipelines/${p.key}/fields/${f.key}?addOnly=true`, {
      dropdownSettings: { items: [{ name: 'Event' }] },
    });
    expect(two.body.dropdownSettings.items.map((i: Json) => i.name)).toEqual([
      'Inbound',
      'Referral',
      'Event',
    ]);
    const three = await t.post(`/v1/pipelines/${p.key}/fields/${f.key}`, {
      dropdownSettings: { items: [{ key: referral.key, name: 'Partner referral' }] },
    });
    expect(three.body.dropdownSettings.items).toEqual([{ key: referral.key, name: 'Partner referral' }]);
  });

  it('tag options use tagSettings.tags[{key, tag}]', async () => {
    const f = (await t.post(`/v2/pipelines/${p.key}/fields`, { name: 'Labels', type: 'TAG' })).body;
    const res = await t.post(`/v1/pipelines/${p.key}/fields/${f.key}`, {
      tagSettings: { tags: [{ tag: 'VIP' }] },
    });
    expect(res.body.tagSettings.tags[0]).toEqual({ key: expect.stringMatching(/^\d+$/), tag: 'VIP' });
  });

  it('refuses to change a field type ("Can\'t change the type of a field") and applies nothing', async () => {
    const f = (await t.post(`/v2/pipelines/${p.key}/fields`, { name: 'Stable', type: 'TEXT_INPUT' })).body;
    const res = await t.post(`/v1/pipelines/${p.key}/fields/${f.key}`, { type: 'DATE', name: 'Renamed' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/Can't change the type of a field/);
    const now = await t.get(`/v1/pipelines/${p.key}/fields/${f.key}`);
    expect([now.body.type, now.body.name]).toEqual(['TEXT_INPUT', 'Stable']);
  });

  it('deleting a field clears its value on every box', async () => {
    const f = (await t.post(`/v2/pipelines/${p.key}/fields`, { name: 'Doomed', type: 'TEXT_INPUT' })).body;
    const box = (await t.post(`/v2/pipelines/${p.key}/boxes`, { name: 'has doomed value' })).body;
    await t.post(`/v1/boxes/${box.key}`, { fields: { [f.key]: 'x' } });
    expect((await t.del(`/v1/pipelines/${p.key}/fields/${f.key}`)).body.success).toBe(true);
    expect((await t.get(`/v1/boxes/${box.key}`)).body.fields[f.key]).toBeUndefined();
    expect((await t.get(`/v1/pipelines/${p.key}/fields/${f.key}`)).status).toBe(404);
  });
});
