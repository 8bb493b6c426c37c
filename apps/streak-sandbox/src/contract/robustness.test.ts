// Sandbox only: every endpoint, fed hostile bodies (wrong JSON types, malformed JSON, unknown keys),
// answers with a Streak-style 4xx or a 200 — never a 5xx, never a crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from '../seed/info';
import { AGAINST_REAL_STREAK, openTarget, type Json, type Target } from './target';

const HOSTILE: { label: string; raw: string }[] = [
  { label: 'no body', raw: '' },
  { label: 'malformed JSON', raw: '{"name": ' },
  { label: 'an array', raw: '[1, "x", null, {}]' },
  { label: 'a string', raw: '"hello"' },
  { label: 'a number', raw: '42' },
  { label: 'null', raw: 'null' },
  {
    label: 'wrongly typed properties',
    raw: JSON.stringify({
      name: {},
      notes: [],
      stageKey: [],
      fields: 'x',
      text: 5,
      message: [],
      event: {},
      members: 'x',
      emailAddresses: 'a',
      value: {},
      dropdownSettings: 5,
      tagSettings: { tags: 'x' },
      stages: 'x',
      domains: 3,
      contacts: [1],
      organizations: [{}],
      assignedToSharingEntries: [{}],
      assignedTo: 'x',
      dueDate: 'soon',
      color: 'red',
      mentions: [1],
      stageOrder: {},
      status: 1,
      meetingType: [],
      duration: -5,
      taskKeys: [1],
      teamKey: 'nope',
      pipelineKey: 5,
      targetUrl: 1,
      contactLinks: 'x',
      emoji: {},
    }),
  },
];

let t: Target;
let routes: { method: string; path: string }[];
let keys: Record<string, string>;
beforeAll(async () => {
  t = await openTarget();
  if (!t.control) return;
  routes = ((await (await fetch(`${t.origin}/__sandbox/routes`)).json()) as { routes: typeof routes }).routes;
  const seed = demoSeed();
  const box: Json = (await t.get(`/v1/pipelines/${seed.pipelineKey}/boxes?limit=1`)).body.results[0];
  const made = async (path: string, body: Json) => (await t.post(path, body)).body.key as string;
  keys = {
    pipelineKey: seed.pipelineKey,
    boxKey: box.key,
    stageKey: seed.stages.Lead as string,
    fieldKey: seed.fields['Deal value'] as string,
    teamKey: seed.teamKey,
    userKey: seed.users[0]?.userKey as string,
    taskKey: await made(`/v2/boxes/${box.key}/tasks`, { text: 't' }),
    commentKey: await made(`/v2/boxes/${box.key}/comments`, { message: 'c' }),
    meetingKey: await made(`/v2/boxes/${box.key}/meetings`, { meetingType: 'CALL_LOG' }),
    webhookKey: await made(`/v2/webhooks?pipelineKey=${seed.pipelineKey}`, {
      event: 'BOX_EDIT',
      targetUrl: 'http://127.0.0.1:9/unreachable',
    }),
    key: box.contacts[0].key,
  };
});
afterAll(async () => t.close());

describe.skipIf(AGAINST_REAL_STREAK)('robustness', () => {
  it('knows at least 70 endpoints', () => {
    expect(routes.length).toBeGreaterThanOrEqual(70);
  });

  it.each(HOSTILE)('never answers 5xx to $label, on any endpoint', async ({ raw }) => {
    // Deletes last, so the other endpoints still find their entities.
    const ordered = [...routes].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    const failures: string[] = [];
    for (const r of ordered) {
      const path = r.path.replace(/^\/api/, '').replace(/:(\w+)/g, (_, name: string) => keys[name] ?? 'x');
      const res = await t.request(
        r.method,
        path,
        r.method === 'GET' ? {} : { raw: { body: raw, contentType: 'application/json' } },
      );
      if (res.status >= 500 || (res.status >= 400 && typeof res.body?.error !== 'string'))
        failures.push(`${r.method} ${r.path} → ${res.status} ${res.text.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
    await t.control?.seed();
    const seed = demoSeed();
    const box: Json = (await t.get(`/v1/pipelines/${seed.pipelineKey}/boxes?limit=1`)).body.results[0];
    Object.assign(keys, {
      taskKey: (await t.post(`/v2/boxes/${box.key}/tasks`, { text: 't' })).body.key,
      commentKey: (await t.post(`/v2/boxes/${box.key}/comments`, { message: 'c' })).body.key,
      meetingKey: (await t.post(`/v2/boxes/${box.key}/meetings`, { meetingType: 'CALL_LOG' })).body.key,
      webhookKey: (
        await t.post(`/v2/webhooks?pipelineKey=${seed.pipelineKey}`, {
          event: 'BOX_EDIT',
          targetUrl: 'http://127.0.0.1:9/x',
        })
      ).body.key,
    });
  });
});
