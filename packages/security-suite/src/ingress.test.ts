// Webhook ingress through the designer's real route handler: every way in without the right token, address,
// size, type or shape is refused with a clear 4xx, before anything is recorded or started, and before the
// body of an unauthenticated request is read at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOperateTest, type OperateTest } from './designer';
import { deliver, endpointOf, watchedBody, type Delivery, type Endpoint } from './hooks';

let t: OperateTest;
let dev: Endpoint;
let qa: Endpoint;

beforeAll(async () => {
  t = await setupOperateTest();
  dev = await endpointOf(t, t.env.dev);
  qa = await endpointOf(t, t.env.qa);
});
afterAll(() => t?.close());

const recorded = async () => ({ events: await t.db.webhookEvent.count(), runs: await t.db.run.count() });

async function refused(d: Delivery, status: number, message: RegExp, ep: Endpoint = dev) {
  const before = await recorded();
  const r = await deliver(ep, d);
  expect(r, JSON.stringify(r)).toMatchObject({ status, body: { ok: false, message: expect.stringMatching(message) } });
  expect(await recorded()).toEqual(before);
}

describe('ingress: authentication comes first', () => {
  it('refuses unknown endpoints, a wrong environment key, missing, wrong, empty and foreign tokens', async () => {
    await refused({ endpoint: { endpointId: 'made-up-endpoint' } }, 404, /No webhook endpoint/);
    await refused({ endpoint: { key: 'qa' } }, 404, /No webhook endpoint/);
    await refused({ token: null }, 401, /X-Streak-Webhook-Token/);
    await refused({ token: '' }, 401, /X-Streak-Webhook-Token/);
    await refused({ token: `${dev.token}x` }, 401, /X-Streak-Webhook-Token/);
    await refused({ token: dev.token.slice(0, -1) }, 401, /X-Streak-Webhook-Token/);
    await refused({ token: qa.token }, 401, /X-Streak-Webhook-Token/);
    await refused({ token: dev.token.toUpperCase() }, 401, /X-Streak-Webhook-Token/);
  });

  it('does not read a single byte of an unauthenticated body, however large', async () => {
    const body = watchedBody(50_000_000);
    await refused({ token: 'wrong', body: body.stream }, 401, /Token/);
    expect(body.pulled()).toBe(false);
  });
});

describe('ingress: size, type and shape', () => {
  it('refuses a declared oversized body before reading it, and a streamed one once it passes the limit', async () => {
    const declared = watchedBody(2_000_000);
    await refused({ body: declared.stream, headers: { 'content-length': '2000000' } }, 413, /larger than 1000000 bytes/);
    expect(declared.pulled()).toBe(false);
    await refused({ body: watchedBody(3_000_000).stream }, 413, /larger than/);
  });

  it('refuses every content type but JSON, including the ones a cross-site form can send', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/json', 'application/xml', ''])
      await refused({ headers: { 'content-type': type } }, 415, /application\/json/);
  });

  it('refuses malformed JSON and wrong shapes with a 400 that says what is wrong', async () => {
    const bodies: Array<[string, RegExp]> = [
      ['', /not valid JSON/],
      ['[{"boxKey":', /not valid JSON/],
      ['{"boxKey":"b"}', /JSON array of objects/],
      ['[]', /empty array/],
      ['[1,2]', /JSON array of objects/],
      ['[null]', /JSON array of objects/],
      ['"[]"', /JSON array of objects/],
      [JSON.stringify(Array.from({ length: 501 }, () => ({}))), /at most 500/],
      ['\u00ef\u00bb\u00bf[{}]', /not valid JSON/],
      ['[{"a":1}]garbage', /not valid JSON/],
    ];
    for (const [body, message] of bodies) await refused({ body }, 400, message);
  });

  it('refuses unknown or missing events', async () => {
    await refused({ event: null }, 400, /missing event/);
    await refused({ event: 'constructor' }, 400, /Unknown/);
    await refused({ event: '__proto__' }, 400, /Unknown/);
  });

  // Found by this suite: 5,000 levels of nesting overflowed the stack in the event-key code (a 500).
  it('refuses JSON nested deeper than any delivery with a 400; __proto__ keys are recorded as data, never pollute', async () => {
    for (const levels of [65, 5000, 200_000]) await refused({ body: `[{"boxKey":"deep","x":${'['.repeat(levels)}${']'.repeat(levels)}}]` }, 400, /nests deeper than 64 levels/);
    expect((await deliver(dev, { body: `[{"boxKey":"ok","x":${'['.repeat(60)}${']'.repeat(60)}}]` })).status).toBe(200);
    const proto = await deliver(dev, { body: '[{"boxKey":"p","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}]' });
    expect(proto.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// Found by this suite's fuzzing: PostgreSQL's jsonb refuses U+0000 and lone surrogates, so a delivery
// carrying one (as a JSON escape) failed its insert with a 500 and Streak retried it forever.
describe('ingress: text PostgreSQL cannot store', () => {
  it('records deliveries with U+0000 and lone surrogates in values and keys, replaced by U+FFFD', async () => {
    const body = '[{"boxKey":"nul-1","lastUpdatedTimestamp":7,"notes":"a\\u0000b \\ud800 c \\udc00","k\\u0000ey":"v","ok":"\\ud83d\\ude00","lit":"\\\\u0000"}]';
    const r = await deliver(dev, { body });
    expect(r, JSON.stringify(r)).toMatchObject({ status: 200, body: { events: 1 } });
    const row = await t.db.webhookEvent.findFirstOrThrow({ where: { eventKey: { contains: 'nul-1' } } });
    expect(row.payload).toMatchObject({ notes: 'a\uFFFDb \uFFFD c \uFFFD', 'k\uFFFDey': 'v', ok: '😀', lit: '\\u0000' });
  });
});

describe('ingress: replays', () => {
  it('records a delivery once; a replay answers 200 and records nothing new', async () => {
    const body = JSON.stringify([{ boxKey: 'bx-replay', stageKey: '5003', lastUpdatedTimestamp: 42 }]);
    const before = await recorded();
    expect(await deliver(dev, { body })).toMatchObject({ status: 200, body: { ok: true, events: 1 } });
    const after = await recorded();
    expect(after.events).toBe(before.events + 1);
    for (let i = 0; i < 3; i++) expect(await deliver(dev, { body })).toMatchObject({ status: 200, body: { events: 0, duplicates: 1, runsStarted: 0 } });
    expect(await recorded()).toEqual(after);
  });
});
