// Secrets at rest and in logs (short form, every CI run): after the designer has stored, updated, tested and
// rotated connections, SMTP and webhook alert channels, environment settings and webhook deliveries on a
// database of its own, a pg_dump of that database and everything the process logged contain none of the
// secrets in plaintext (nor base64- or URL-encoded). The full form (stack-secrets.test.ts) repeats this
// on a whole running stack after real Closed-Won runs, and reads the run history too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOperateTest, type OperateTest } from './designer';
import { deliver, endpointOf } from './hooks';
import { captureOutput, dumpDatabase, leaked } from './leaks';

let t: OperateTest;
const output = captureOutput();
const SECRETS: Record<string, string> = {
  'seeded Streak API key': 'streak-test-key-123',
  'seeded gateway token': 'gateway-token-123456',
  'session secret': 'operate-tests-secret-0123456789',
  'created Streak API key': 'sk-live-created-7731-QWERTY',
  'rotated Streak API key': 'sk-live-updated-8842-ASDFGH',
  'draft-tested API key': 'sk-live-draft-9921-ZXCVBN',
  'SMTP password': 'smtp-pass-5522-POIUYT',
  'Slack webhook URL': 'https://hooks.slack.com/services/T000/B000/slacksecret4411',
  'webhook signing key': 'sign-key-3300-LKJHGF',
};

beforeAll(async () => {
  t = await setupOperateTest();
  SECRETS['encryption key'] = (process.env.CONDUIT_SECRET_KEYS ?? '').split(':')[1] ?? '';
  for (const env of ['dev', 'qa', 'prod'] as const) SECRETS[`${env} webhook token`] = (await endpointOf(t, t.env[env])).token;
});
afterAll(async () => {
  output.stop();
  await t?.close();
});

type Api = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
const as = (role: 'owner' | 'admin') => t.caller(role) as unknown as Api;
const attempt = (p: Promise<unknown>) => p.catch((e: unknown) => e);

describe('secrets never stored or logged in plaintext', () => {
  it('after connections, alert channels, settings and deliveries, neither the dump nor the logs hold one', async () => {
    const admin = as('admin');
    const created = (await admin.connections!.create!({ environmentId: t.env.dev, kind: 'streak', name: 'Leak check', config: { baseUrl: 'http://127.0.0.1:9/api', allowPrivateHost: true }, secret: SECRETS['created Streak API key'] })) as { id: string };
    await admin.connections!.update!({ id: created.id, secret: SECRETS['rotated Streak API key'] });
    await attempt(admin.connections!.test!({ id: created.id }));
    await attempt(admin.connections!.testDraft!({ environmentId: t.env.dev, kind: 'streak', name: 'Draft', config: { baseUrl: 'http://127.0.0.1:9/api', allowPrivateHost: true }, secret: SECRETS['draft-tested API key'] }));
    // A draft whose secret is refused must not echo it back in the error either.
    const refused = await attempt(admin.connections!.create!({ environmentId: t.env.dev, kind: 'streak', name: 'Bad', config: { baseUrl: 'not a url' }, secret: SECRETS['draft-tested API key'] }));
    expect(leaked(String((refused as Error).message ?? ''), SECRETS)).toEqual([]);
    const smtp = (await admin.alerts!.createChannel!({ kind: 'email', name: 'Ops mail', config: { host: '127.0.0.1', port: 9, username: 'ops', from: 'conduit@example.com', to: ['ops@example.com'] }, secret: SECRETS['SMTP password'] })) as { id: string };
    const slack = (await admin.alerts!.createChannel!({ kind: 'slack', name: 'Ops Slack', config: {}, secret: SECRETS['Slack webhook URL'] })) as { id: string };
    const hook = (await admin.alerts!.createChannel!({ kind: 'webhook', name: 'Ops hook', config: { url: 'http://127.0.0.1:9/hook' }, secret: SECRETS['webhook signing key'] })) as { id: string };
    for (const c of [smtp, slack, hook]) await attempt(admin.alerts!.testChannel!({ id: c.id }));
    await admin.environments!.update!({ id: t.env.dev, settings: { variables: { approvalThreshold: 10000 } } });
    await admin.connections!.rotateKeys!({});
    const dev = await endpointOf(t, t.env.dev);
    await deliver(dev, { body: JSON.stringify([{ boxKey: 'leak-1', stageKey: '5003', lastUpdatedTimestamp: 1 }]) });
    await deliver(dev, { token: `${dev.token}-wrong` });

    // What the API hands back to the browser holds none either.
    const listed = JSON.stringify([await admin.connections!.list!({ environmentId: t.env.dev }), await admin.alerts!.channels!(undefined), await admin.environments!.get!({ id: t.env.dev }), await as('owner').audit!.list!({})]);
    expect(leaked(listed, SECRETS)).toEqual([]);

    const dump = await dumpDatabase(t.tdb.url);
    expect(dump).toContain('Leak check'); // the dump is real and holds what was just written
    expect(leaked(dump, SECRETS)).toEqual([]);
    expect(leaked(output.text(), SECRETS)).toEqual([]);
  });
});
