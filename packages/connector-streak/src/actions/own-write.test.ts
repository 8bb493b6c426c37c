// A comment or task step retried after a lost reply: the second attempt finds the first one's item by its
// reference line and posts nothing; another event's key posts again; a call without a key is unchanged.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type StreakTarget, sandboxTarget } from '../test/target';
import { refLine } from './own-write';

let t: StreakTarget;
let boxKey: string;
beforeAll(async () => {
  t = await sandboxTarget();
  const [pipeline] = await t.conn.http.json<{ key: string }[]>({ path: '/v1/pipelines' });
  boxKey = (await t.conn.http.json<{ key: string }[]>({ path: `/v1/pipelines/${pipeline?.key}/boxes` }))[0]?.key ?? '';
});
afterAll(async () => {
  await t?.close();
});

const messages = async () => (await t.conn.http.json<{ results: { message: string }[] }>({ path: `/v2/boxes/${boxKey}/comments` })).results.map((c) => c.message);
const taskTexts = async () => (await t.conn.http.json<{ results: { text: string }[] }>({ path: `/v2/boxes/${boxKey}/tasks` })).results.map((x) => x.text);

it('posts a comment once per idempotency key, with the reference line, and returns the saved one on a retry', async () => {
  const first = (await t.conn.runAction('addComment', { boxKey, message: 'Order 0001 created' }, { idempotencyKey: 'a1b2c3d4e5f6a7b8' })) as { key: string };
  const retry = (await t.conn.runAction('addComment', { boxKey, message: 'Order 0001 created' }, { idempotencyKey: 'a1b2c3d4e5f6a7b8' })) as { key: string };
  expect(retry.key).toBe(first.key);
  await t.conn.runAction('addComment', { boxKey, message: 'Order 0001 created' }, { idempotencyKey: 'ffff0000ffff0000' });
  await t.conn.runAction('addComment', { boxKey, message: 'A note by hand' });
  const all = await messages();
  expect(all.filter((m) => m === `Order 0001 created\n\n${refLine('a1b2c3d4e5f6a7b8')}`)).toHaveLength(1);
  expect(all.filter((m) => m.startsWith('Order 0001 created'))).toHaveLength(2);
  expect(all).toContain('A note by hand');
});

it('creates a task once per idempotency key', async () => {
  const input = { boxKey, text: 'Call about the credit hold' };
  const first = (await t.conn.runAction('createTask', input, { idempotencyKey: '0123456789abcdef' })) as { key: string };
  const retry = (await t.conn.runAction('createTask', input, { idempotencyKey: '0123456789abcdef' })) as { key: string };
  expect(retry.key).toBe(first.key);
  expect((await taskTexts()).filter((x) => x.startsWith('Call about the credit hold'))).toEqual([`Call about the credit hold\n\n${refLine('0123456789abcdef')}`]);
});
