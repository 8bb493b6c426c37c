// Contract: tasks, comments, meetings, timeline and search (§4.9–4.13), plus box aggregates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPipeline, expectError, openTarget, scratchPipeline, type Json, type Target } from './target';

let t: Target;
let p: Json;
let me: Json;
let box: Json;
beforeAll(async () => {
  t = await openTarget();
  me = (await t.get('/v1/users/me')).body;
  p = await scratchPipeline(t, 'activity');
  box = (
    await t.post(`/v2/pipelines/${p.key}/boxes`, { name: `Activity box ${Date.now()}`, notes: 'zebra notes' })
  ).body;
});
afterAll(async () => {
  await dropPipeline(t, p.key);
  await t.close();
});

describe('tasks', () => {
  it('creates a task assigned to the creator by default; dueDate -1 clears; DONE sets lastStatusChangeDate', async () => {
    const due = Date.now() + 86_400_000;
    const task = (await t.post(`/v2/boxes/${box.key}/tasks`, { text: 'Send quote', dueDate: due })).body;
    expect(task.key).toMatch(/^agxz/);
    expect([task.boxKey, task.status, task.dueDate]).toEqual([box.key, 'NOT_DONE', due]);
    expect(task.assignedTo[0].userKey).toBe(me.key);
    const cleared = (await t.post(`/v2/tasks/${task.key}`, { dueDate: -1 })).body;
    expect(cleared.dueDate).toBeUndefined();
    const done = (await t.post(`/v2/tasks/${task.key}`, { status: 'DONE' })).body;
    expect(done.status).toBe('DONE');
    expect(done.lastStatusChangeDate).toBeGreaterThanOrEqual(task.lastStatusChangeDate);
  });

  it('rejects a task without text and an unknown status', async () => {
    expectError(await t.post(`/v2/boxes/${box.key}/tasks`, { dueDate: 1 }), 400);
    const task = (await t.post(`/v2/boxes/${box.key}/tasks`, { text: 'x' })).body;
    expectError(await t.post(`/v2/tasks/${task.key}`, { status: 'MAYBE', text: 'changed' }), 400);
    expect((await t.get(`/v2/tasks/${task.key}`)).body.text).toBe('x');
  });

  it('lists box tasks as {results, hasNextPage} with page/limit', async () => {
    const res = await t.get(`/v2/boxes/${box.key}/tasks?limit=1&page=0`);
    expect(res.body.results).toHaveLength(1);
    expect(res.body.hasNextPage).toBe(true);
  });
});

describe('comments and meetings', () => {
  it('creates, lists, edits, reacts to and deletes comments', async () => {
    const c = (await t.post(`/v2/boxes/${box.key}/comments`, { message: 'Called the buyer' })).body;
    expect([c.boxKey, c.message, c.creatorKey]).toEqual([box.key, 'Called the buyer', me.key]);
    const list = (await t.get(`/v2/boxes/${box.key}/comments`)).body;
    expect(list.results.some((x: Json) => x.key === c.key)).toBe(true);
    expect((await t.post(`/v2/comments/${c.key}`, { message: 'Called the buyer twice' })).body.message).toBe(
      'Called the buyer twice',
    );
    const reacted = (await t.post(`/v2/comments/${c.key}/react`, { emoji: '👍' })).body;
    expect(reacted.reactionSummary[0]).toMatchObject({ emoji: '👍', count: 1 });
    expectError(await t.post(`/v2/boxes/${box.key}/comments`, { message: '' }), 400);
    const extra = (await t.post(`/v2/boxes/${box.key}/comments`, { message: 'temporary' })).body;
    expect((await t.del(`/v2/comments/${extra.key}`)).body.success).toBe(true);
  });

  it('creates and updates call logs and meeting notes; rejects an unknown meetingType', async () => {
    const m = (
      await t.post(`/v2/boxes/${box.key}/meetings`, {
        meetingType: 'CALL_LOG',
        startTimestamp: Date.now(),
        duration: 600_000,
        notes: 'Intro call',
      })
    ).body;
    expect([m.meetingType, m.duration, m.boxKey]).toEqual(['CALL_LOG', 600_000, box.key]);
    expect((await t.post(`/v2/meetings/${m.key}`, { notes: 'Intro call, follow up' })).body.notes).toBe(
      'Intro call, follow up',
    );
    expectError(await t.post(`/v2/boxes/${box.key}/meetings`, { meetingType: 'LUNCH' }), 400);
    const list = (await t.get(`/v2/boxes/${box.key}/meetings`)).body;
    expect(list.results.map((x: Json) => x.key)).toContain(m.key);
  });

  it('keeps box aggregates in step with tasks, comments and meetings', async () => {
    const b = (await t.get(`/v1/boxes/${box.key}`)).body;
    expect(b.taskTotal).toBe(2);
    expect(b.taskCompleteCount).toBe(1);
    expect(b.commentCount).toBe(1);
    expect(b.callLogCount).toBe(1);
  });
});

describe('timeline and search', () => {
  it('returns {entries, nextPage} and pages with nextPageToken only', async () => {
    const first = (await t.get(`/v2/boxes/${box.key}/timeline?filters=[COMMENTS,CALL_LOGS]&limit=1`)).body;
    expect(first.entries).toHaveLength(1);
    expect(typeof first.nextPage).toBe('string');
    const second = (
      await t.get(`/v2/boxes/${box.key}/timeline?nextPageToken=${encodeURIComponent(first.nextPage)}`)
    ).body;
    expect(second.entries).toHaveLength(1);
    expect(second.entries[0].key).not.toBe(first.entries[0].key);
  });

  it('rejects an unknown filter and a forged nextPageToken', async () => {
    expectError(await t.get(`/v2/boxes/${box.key}/timeline?filters=[GIFS]`), 400);
    const forged = Buffer.from(JSON.stringify({ offset: 'x' })).toString('base64url');
    expectError(await t.get(`/v2/boxes/${box.key}/timeline?nextPageToken=${forged}`), 400);
  });

  it('searches boxes by query into {results:{boxes,contacts,orgs}, query, page}', async () => {
    const res = (await t.get(`/v1/search?query=${encodeURIComponent(box.name)}&pipelineKey=${p.key}`)).body;
    expect(Object.keys(res.results).sort()).toEqual(['boxes', 'contacts', 'orgs']);
    expect(res.results.boxes[0]).toMatchObject({
      boxKey: box.key,
      pipelineKey: p.key,
      stageKey: box.stageKey,
    });
    expect([res.query, res.page]).toEqual([box.name, 0]);
  });

  it('searches by exact box name with query null, filtered by stageKey', async () => {
    const res = (await t.get(`/v1/search?name=${encodeURIComponent(box.name)}&stageKey=${box.stageKey}`))
      .body;
    expect(res.query).toBeNull();
    expect(res.results.boxes.map((b: Json) => b.boxKey)).toEqual([box.key]);
    const other = (await t.get(`/v1/search?name=${encodeURIComponent(box.name)}&stageKey=${p.stageOrder[2]}`))
      .body;
    expect(other.results.boxes).toEqual([]);
  });

  it('needs exactly one of query and name', async () => {
    expectError(await t.get('/v1/search'), 400);
    expectError(await t.get('/v1/search?query=a&name=b'), 400);
  });
});
