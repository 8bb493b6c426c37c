// Full form only (`pnpm --filter @conduit/security-suite full`): a whole stack of the suite's own.
// 1. Every HTTP route of the designer, over real HTTP, refuses anonymous callers and wrong credentials.
// 2. After Closed-Won runs (several that succeed, one that fails into a dead letter), a pg_dump of the
//    database (run history included), the run history read back and every line the stack logged contain
//    no API key, gateway or webhook token, SMTP or database password, session secret or encryption key.
import { createDb, type Db } from '@conduit/db';
import { DEMO_GATEWAY_TOKEN } from '@conduit/sage100-gateway';
import { DEMO_API_KEY } from '@conduit/streak-sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { suite } from './env';
import { dumpDatabase, leaked, leakingLines } from './leaks';
import { DB_PASSWORD, SMTP_PASSWORD, startStack, type RunningStack } from './stack';

let stack: RunningStack;
let db: Db;
let hook: { url: string; token: string };
const secrets: Record<string, string> = {};

describe.skipIf(!suite.full)('whole stack', () => {
  beforeAll(async () => {
    stack = await startStack(inject('databaseUrl'));
    db = createDb({ databaseUrl: stack.databaseUrl });
    const env = await db.environment.findFirstOrThrow({ where: { key: 'dev' } });
    const { createSecretBox } = await import('@conduit/db');
    const token = createSecretBox(stack.localSecrets.CONDUIT_SECRET_KEYS ?? '').decrypt(env.webhookSecretEnc);
    hook = { url: `${stack.designer}/api/hooks/streak/dev/${env.webhookEndpointId}`, token };
    Object.assign(secrets, {
      'Streak API key': DEMO_API_KEY,
      'gateway token': DEMO_GATEWAY_TOKEN,
      'webhook token': token,
      'database password': DB_PASSWORD,
      'SMTP password': SMTP_PASSWORD,
      'session secret': stack.localSecrets.NEXTAUTH_SECRET ?? '',
      'encryption key': (stack.localSecrets.CONDUIT_SECRET_KEYS ?? '').split(':')[1] ?? '',
    });
  }, 20 * 60_000);
  afterAll(async () => {
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);

  describe('HTTP routes × anonymous and wrong credentials', () => {
    const forged = 'next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.forged.forged';
    const trpc = (path: string, init: RequestInit = {}) => fetch(`${stack.designer}/api/trpc/${path}`, init);

    it('tRPC: queries, batches and mutations answer 401 without a valid session, with nothing in the body', async () => {
      const variants: Array<Record<string, string>> = [{}, { cookie: forged }, { authorization: `Bearer ${DEMO_API_KEY}` }];
      for (const headers of variants) {
        for (const res of [
          await trpc('me.get', { headers }),
          await trpc('flows.list,connections.list,audit.list?batch=1&input={}', { headers }),
          await trpc('environments.create', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ json: { key: 'evil', name: 'Evil' } }) }),
          await trpc('connections.rotateKeys', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"json":{}}' }),
        ]) {
          expect(res.status).toBe(401);
          const text = await res.text();
          expect(text).toMatch(/UNAUTHORIZED/);
          expect(text).not.toMatch(/"stack"|at [\w.]+ \(/);
        }
      }
      expect(await db.environment.count({ where: { key: 'evil' } })).toBe(0);
    });

    it('auth: no session for anonymous or wrong passwords', async () => {
      expect(await (await fetch(`${stack.designer}/api/auth/session`)).json()).toEqual({});
      const csrf = (await (await fetch(`${stack.designer}/api/auth/csrf`)).json()) as { csrfToken: string };
      const res = await fetch(`${stack.designer}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrfToken: csrf.csrfToken, email: 'owner@demo.conduit.local', password: 'wrong-password' }),
      });
      expect(res.headers.get('set-cookie') ?? '').not.toMatch(/session-token=/);
    });

    it('webhooks: 401 for no or wrong token, 404 for unknown endpoints, over HTTP', async () => {
      const post = (url: string, token?: string) => fetch(`${url}?event=BOX_CHANGE_STAGE`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { 'x-streak-webhook-token': token } : {}) }, body: '[{"boxKey":"x"}]' });
      expect((await post(hook.url)).status).toBe(401);
      expect((await post(hook.url, 'wrong')).status).toBe(401);
      expect((await post(`${stack.designer}/api/hooks/streak/dev/nope`, hook.token)).status).toBe(404);
    });

    it('health: answers anonymously and reveals no secret', async () => {
      const res = await fetch(`${stack.designer}/api/health`);
      expect(res.status).toBeLessThan(600);
      expect(leaked(await res.text(), secrets)).toEqual([]);
    });
  });

  describe('secrets after Closed-Won runs', () => {
    it('are absent from the database dump, the run history and the logs', async () => {
      const { stackSetup } = await import('@conduit/e2e/bench/deploy');
      const setup = await stackSetup(db, stack.localSecrets.CONDUIT_SECRET_KEYS ?? '');
      await setup.deploy(setup.closedWon(0));
      const boxes = (await fetch(`${stack.sandbox}/api/v1/pipelines/${setup.seed.pipelineKey}/boxes`, { headers: { authorization: `Bearer ${DEMO_API_KEY}` } }).then((r) => r.json())) as Array<{ key: string; fields: Record<string, unknown> }>;
      const keys: string[] = [];
      for (const [i, products] of ['ELEC-1001 x 1', 'ELEC-1002 x 2', 'ELEC-1004 x 3', 'NO-SUCH-ITEM x 1'].entries()) {
        const box = boxes[i % boxes.length]!;
        const ts = Date.now() + i;
        const res = await fetch(`${hook.url}?event=BOX_CHANGE_STAGE`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-streak-webhook-token': hook.token },
          body: JSON.stringify([{ ...box, stageKey: setup.seed.stages['Closed-Won'], lastUpdatedTimestamp: ts, fields: { ...box.fields, [setup.fields.po]: `PO${ts % 1e10}`, [setup.fields.products]: products } }]),
        });
        expect(res.status).toBe(200);
        keys.push(`BOX_CHANGE_STAGE:${box.key}:${ts}`);
      }
      let runs: Array<{ id: string; status: string; eventKey: string }> = [];
      for (let i = 0; i < 600; i++) {
        runs = await db.run.findMany({ where: { eventKey: { in: keys } }, select: { id: true, status: true, eventKey: true } });
        if (runs.length === keys.length && runs.every((r) => !['queued', 'running', 'waiting'].includes(r.status))) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      const statuses = runs.map((r) => r.status);
      expect(statuses.filter((s) => s === 'succeeded').length, statuses.join()).toBeGreaterThanOrEqual(3);
      expect(statuses.some((s) => s === 'failed' || s === 'dead_lettered'), statuses.join()).toBe(true);

      const history = JSON.stringify(await db.run.findMany({ where: { id: { in: runs.map((r) => r.id) } }, include: { steps: true } }));
      expect(history).toContain('ELEC-1001'); // the history is real and holds what the runs did
      expect(leaked(history, secrets)).toEqual([]);
      const dump = await dumpDatabase(stack.databaseUrl);
      expect(leaked(dump, secrets)).toEqual([]);
      expect(stack.logs()).toContain('Conduit is ready');
      expect(leaked(stack.logs(), secrets), leakingLines(stack.logs(), secrets).join('\n')).toEqual([]);
    }, 10 * 60_000);
  });
});
