// Contract: pipelines and stages (§4.3–4.4), including the bad-input answers and no half-applied changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropPipeline,
  expectError,
  firstTeamKey,
  openTarget,
  scratchPipeline,
  type Json,
  type Target,
} from './target';

let t: Target;
let teamKey: string;
let p: Json;
beforeAll(async () => {
  t = await openTarget();
  teamKey = await firstTeamKey(t);
  p = await scratchPipeline(t, 'pipelines');
});
afterAll(async () => {
  await dropPipeline(t, p.key);
  await t.close();
});

describe('pipelines', () => {
  it('v2 create returns 200 and the pipeline with dual keys, a stage map and stageOrder', async () => {
    expect(p.key).toMatch(/^agxz/);
    expect(p.pipelineKey).toBe(p.key);
    expect(p.stageOrder).toHaveLength(3);
    expect(p.stageOrder.every((k: string) => /^\d+$/.test(k))).toBe(true);
    expect(p.stages[p.stageOrder[0]].name).toBe('Lead');
    expect(Array.isArray(p.stages)).toBe(false);
  });

  it('v1 list is a bare array; v2 list is {results, hasNextPage}', async () => {
    const v1 = await t.get('/v1/pipelines');
    expect(Array.isArray(v1.body)).toBe(true);
    expect(v1.body.some((x: Json) => x.key === p.key)).toBe(true);
    const v2 = await t.get('/v2/pipelines?limit=1&page=0');
    expect(v2.body.results).toHaveLength(1);
    expect(typeof v2.body.hasNextPage).toBe('boolean');
  });

  it('sortBy sorts descending', async () => {
    const res = await t.get('/v1/pipelines?sortBy=creationTimestamp');
    const stamps = res.body.map((x: Json) => x.creationTimestamp);
    expect(stamps).toEqual([...stamps].sort((a: number, b: number) => b - a));
  });

  it('v1 PUT create is form-encoded with stageNames and parallel fieldNames/fieldTypes', async () => {
    const res = await t.put('/v1/pipelines', {
      name: 'contract v1 form',
      teamKey,
      stageNames: 'A,B',
      fieldNames: 'Amount,Due',
      fieldTypes: 'TEXT_INPUT,DATE',
    });
    expect(res.status).toBe(200);
    expect(res.body.stageOrder.map((k: string) => res.body.stages[k].name)).toEqual(['A', 'B']);
    expect(res.body.fields.map((f: Json) => [f.name, f.type])).toEqual([
      ['Amount', 'TEXT_INPUT'],
      ['Due', 'DATE'],
    ]);
    expect((await t.del(`/v1/pipelines/${res.body.key}`)).body).toEqual({ success: true });
  });

  it('create without a name is 400 "Insufficient params for Pipeline"', async () => {
    const res = await t.post('/v2/pipelines', { teamKey });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/Insufficient params for Pipeline/);
  });

  it('duplicate stage names on create are refused and nothing is created', async () => {
    const before = (await t.get('/v1/pipelines')).body.length;
    expectError(
      await t.post('/v2/pipelines', { name: 'dup stages', teamKey, stages: ['Lead', 'lead'] }),
      400,
    );
    expect((await t.get('/v1/pipelines')).body.length).toBe(before);
  });

  it('updates name and reorders stages; a stageOrder that is not a permutation is 400 and changes nothing', async () => {
    const reversed = [...p.stageOrder].reverse();
    const ok = await t.post(`/v1/pipelines/${p.key}`, { name: `${p.name} renamed`, stageOrder: reversed });
    expect(ok.body.stageOrder).toEqual(reversed);
    expectError(
      await t.post(`/v2/pipelines/${p.key}`, { name: 'should not apply', stageOrder: [reversed[0]] }),
      400,
    );
    const now = await t.get(`/v2/pipelines/${p.key}`);
    expect(now.body.name).toBe(`${p.name} renamed`);
    expect(now.body.stageOrder).toEqual(reversed);
    await t.post(`/v1/pipelines/${p.key}`, { stageOrder: p.stageOrder });
  });

  it('refuses to delete a pipeline with boxes, then deletes it once empty', async () => {
    const extra = await scratchPipeline(t, 'delete');
    const box = await t.post(`/v2/pipelines/${extra.key}/boxes`, { name: 'keeps it alive' });
    expectError(await t.del(`/v1/pipelines/${extra.key}`), 400);
    expect((await t.get(`/v1/pipelines/${extra.key}`)).status).toBe(200);
    await t.del(`/v1/boxes/${box.body.key}`);
    expect((await t.del(`/v2/pipelines/${extra.key}`)).body.success).toBe(true);
    expect((await t.get(`/v1/pipelines/${extra.key}`)).status).toBe(404);
  });
});

describe('stages', () => {
  it('lists stages as a map keyed by stage key in v1 ({key,name}) and v2 (with colour and boxCount)', async () => {
    const v1 = await t.get(`/v1/pipelines/${p.key}/stages`);
    expect(Array.isArray(v1.body)).toBe(false);
    expect(Object.keys(v1.body).sort()).toEqual([...p.stageOrder].sort());
    expect(v1.body[p.stageOrder[0]]).toEqual({ key: p.stageOrder[0], name: 'Lead' });
    const v2 = await t.get(`/v2/pipelines/${p.key}/stages/${p.stageOrder[0]}`);
    expect(v2.body.color.backgroundColor).toMatch(/^#/);
    expect(v2.body.boxCount).toBe(0);
  });

  it('creates stages (v1 form PUT, v2 JSON POST) appended to stageOrder; duplicate name is 400 "stage name already exists"', async () => {
    const a = await t.put(`/v1/pipelines/${p.key}/stages`, { name: 'Demo' });
    expect(a.status).toBe(200);
    const b = await t.post(`/v2/pipelines/${p.key}/stages`, {
      name: 'Trial',
      color: { foregroundColor: '#000000', backgroundColor: '#ffeeaa' },
    });
    expect(b.body.color.backgroundColor).toBe('#ffeeaa');
    const order = (await t.get(`/v1/pipelines/${p.key}`)).body.stageOrder;
    expect(order.slice(-2)).toEqual([a.body.key, b.body.key]);
    const dup = await t.post(`/v2/pipelines/${p.key}/stages`, { name: 'demo' });
    expect(dup.status).toBe(400);
    expect(dup.body.error).toBe('stage name already exists');
    expect((await t.get(`/v1/pipelines/${p.key}`)).body.stageOrder).toEqual(order);
  });

  it('renames a stage; renaming onto another stage name is refused', async () => {
    const [first, second] = p.stageOrder;
    expect((await t.post(`/v1/pipelines/${p.key}/stages/${first}`, { name: 'Prospect' })).body.name).toBe(
      'Prospect',
    );
    expectError(await t.post(`/v2/pipelines/${p.key}/stages/${second}`, { name: 'prospect' }), 400);
    expect((await t.get(`/v1/pipelines/${p.key}/stages/${second}`)).body.name).toBe('Qualified');
  });

  it('refuses to delete a stage holding boxes; deletes an empty one; unknown stage is 404', async () => {
    const stage = (await t.post(`/v2/pipelines/${p.key}/stages`, { name: 'Temp' })).body;
    const box = await t.post(`/v2/pipelines/${p.key}/boxes`, { name: 'in temp', stageKey: stage.key });
    expectError(await t.del(`/v1/pipelines/${p.key}/stages/${stage.key}`), 400);
    await t.del(`/v1/boxes/${box.body.key}`);
    expect((await t.del(`/v2/pipelines/${p.key}/stages/${stage.key}`)).body.success).toBe(true);
    expect((await t.get(`/v1/pipelines/${p.key}/stages/${stage.key}`)).status).toBe(404);
  });

  it('cannot delete the last remaining stage', async () => {
    const solo = (await t.post('/v2/pipelines', { name: 'solo stage', teamKey, stages: ['Only'] })).body;
    expectError(await t.del(`/v1/pipelines/${solo.key}/stages/${solo.stageOrder[0]}`), 400);
    await t.del(`/v1/pipelines/${solo.key}`);
  });
});
