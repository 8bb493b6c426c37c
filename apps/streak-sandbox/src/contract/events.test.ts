// Contract (sandbox only — deliveries must reach a local receiver): every mutation fires its
// documented event, delivered as a bare array holding the affected object.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from './receiver';
import {
  AGAINST_REAL_STREAK,
  dropPipeline,
  firstTeamKey,
  openTarget,
  scratchPipeline,
  type Json,
  type Target,
} from './target';

let t: Target;
let p: Json;
let other: Json;
let teamKey: string;
let rx: Receiver;
beforeAll(async () => {
  t = await openTarget();
  teamKey = await firstTeamKey(t);
  p = await scratchPipeline(t, 'events');
  other = await scratchPipeline(t, 'events target');
  rx = await startReceiver();
});
afterAll(async () => {
  await dropPipeline(t, p.key);
  await dropPipeline(t, other.key);
  await rx.close();
  await t.close();
});

const newBox = async (name: string) => (await t.post(`/v2/pipelines/${p.key}/boxes`, { name })).body;
const newTask = async (name: string) =>
  (await t.post(`/v2/boxes/${(await newBox(name)).key}/tasks`, { text: name })).body;
const newMeeting = async (name: string) =>
  (
    await t.post(`/v2/boxes/${(await newBox(name)).key}/meetings`, {
      meetingType: 'MEETING_NOTES',
      notes: name,
    })
  ).body;
const newContact = async (name: string) =>
  (await t.post(`/v2/teams/${teamKey}/contacts`, { givenName: name })).body;
const newOrg = async (name: string) => (await t.post(`/v2/teams/${teamKey}/organizations`, { name })).body;

/** event → [scope, action that triggers it and returns the key the payload must carry]. */
const CASES: [string, 'pipeline' | 'team', () => Promise<string>][] = [
  ['BOX_CREATE', 'pipeline', async () => (await newBox('created')).key],
  [
    'BOX_DELETE',
    'pipeline',
    async () => {
      const b = await newBox('deleted');
      await t.del(`/v1/boxes/${b.key}`);
      return b.key;
    },
  ],
  [
    'BOX_EDIT',
    'pipeline',
    async () => {
      const b = await newBox('edited');
      await t.post(`/v1/boxes/${b.key}`, { notes: 'changed' });
      return b.key;
    },
  ],
  [
    'BOX_CHANGE_STAGE',
    'pipeline',
    async () => {
      const b = await newBox('moved');
      await t.post(`/v1/boxes/${b.key}`, { stageKey: p.stageOrder[1] });
      return b.key;
    },
  ],
  [
    'BOX_CHANGE_PIPELINE',
    'pipeline',
    async () => {
      const b = await newBox('travels');
      await t.post(`/v2/pipelines/${p.key}/boxes/batch`, [{ key: b.key, pipelineKey: other.key }]);
      return b.key;
    },
  ],
  [
    'STAGE_CREATE',
    'pipeline',
    async () => (await t.post(`/v2/pipelines/${p.key}/stages`, { name: `Stage ${Date.now()}` })).body.key,
  ],
  [
    'COMMENT_CREATE',
    'pipeline',
    async () =>
      (await t.post(`/v2/boxes/${(await newBox('commented')).key}/comments`, { message: 'hi' })).body.key,
  ],
  ['TASK_CREATE', 'pipeline', async () => (await newTask('task')).key],
  [
    'TASK_COMPLETE',
    'pipeline',
    async () => {
      const task = await newTask('done');
      await t.post(`/v2/tasks/${task.key}`, { status: 'DONE' });
      return task.key;
    },
  ],
  [
    'TASK_DUE',
    'pipeline',
    async () =>
      (
        await t.post(`/v2/boxes/${(await newBox('due')).key}/tasks`, {
          text: 'overdue',
          dueDate: Date.now() - 1000,
        })
      ).body.key,
  ],
  ['MEETING_CREATE', 'pipeline', async () => (await newMeeting('meeting')).key],
  [
    'MEETING_UPDATE',
    'pipeline',
    async () => {
      const m = await newMeeting('meeting 2');
      await t.post(`/v2/meetings/${m.key}`, { notes: 'more' });
      return m.key;
    },
  ],
  ['CONTACT_CREATE', 'team', async () => (await newContact('Created')).key],
  [
    'CONTACT_UPDATE',
    'team',
    async () => {
      const c = await newContact('Updated');
      await t.post(`/v2/contacts/${c.key}`, { title: 'CFO' });
      return c.key;
    },
  ],
  [
    'CONTACT_DELETE',
    'team',
    async () => {
      const c = await newContact('Deleted');
      await t.del(`/v2/contacts/${c.key}`);
      return c.key;
    },
  ],
  ['ORG_CREATE', 'team', async () => (await newOrg('Created Org')).key],
  [
    'ORG_UPDATE',
    'team',
    async () => {
      const o = await newOrg('Updated Org');
      await t.post(`/v2/organizations/${o.key}`, { industry: 'Retail' });
      return o.key;
    },
  ],
  [
    'ORG_DELETE',
    'team',
    async () => {
      const o = await newOrg('Deleted Org');
      await t.del(`/v2/organizations/${o.key}`);
      return o.key;
    },
  ],
];

describe.skipIf(AGAINST_REAL_STREAK)('events', () => {
  it.each(CASES)('%s is delivered with the affected object', async (event, scope, trigger) => {
    rx.received.length = 0;
    const query = scope === 'team' ? `teamKey=${teamKey}` : `pipelineKey=${p.key}`;
    const hook = (
      await t.request('POST', `/v2/webhooks?${query}`, { json: { event, targetUrl: `${rx.url}/${event}` } })
    ).body;
    try {
      const key = await trigger();
      const [got] = await rx.waitFor(1);
      expect(got?.path).toBe(`/${event}`);
      expect(Array.isArray(got?.body)).toBe(true);
      expect((got?.body as Json[]).map((o) => o.key)).toEqual([key]);
    } finally {
      await t.del(`/v2/webhooks/${hook.key}`);
    }
  });
});
