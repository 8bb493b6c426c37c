// Every operate procedure × every role (and anonymous): allowed roles get past the role check (they may
// still hit NOT_FOUND on the made-up ids used here), the others are refused with FORBIDDEN, anonymous
// callers with UNAUTHORIZED. A new procedure without a row here fails the completeness test.
import type { Role } from '@conduit/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_NAMES, setupOperateTest, type OperateTest } from './test-support';

const NONE = '00000000-0000-4000-8000-000000000000';
const READ: Role[] = ['owner', 'admin', 'builder', 'approver', 'viewer'];
const BUILD: Role[] = ['owner', 'admin', 'builder'];
const APPROVE: Role[] = ['owner', 'admin', 'approver'];
const ADMIN: Role[] = ['owner', 'admin'];

type Row = [path: string, input: unknown, allowed: Role[]];

const rows = (t: OperateTest): Row[] => [
  ['environments.list', undefined, READ],
  ['environments.get', { id: t.env.dev }, READ],
  ['environments.create', { key: 'dev', name: 'Dev again' }, ADMIN],
  ['environments.update', { id: NONE, settings: { runRetentionDays: 7 } }, ADMIN],
  ['environments.pruneRuns', { id: NONE }, ADMIN],
  ['connections.list', { environmentId: t.env.dev }, READ],
  [
    'connections.create',
    { environmentId: NONE, kind: 'streak', name: 'x', config: {}, secret: 'abcdefgh12' },
    ADMIN,
  ],
  ['connections.update', { id: NONE, name: 'renamed' }, ADMIN],
  ['connections.remove', { id: NONE }, ADMIN],
  ['connections.test', { id: NONE }, BUILD],
  [
    'connections.testDraft',
    {
      environmentId: t.env.dev,
      kind: 'streak',
      name: 'x',
      config: { baseUrl: 'http://127.0.0.1:9/api', allowPrivateHost: true },
      secret: 'abcdefgh12',
    },
    ADMIN,
  ],
  ['connections.rotateKeys', {}, ADMIN],
  ['deployments.overview', undefined, READ],
  ['deployments.history', { flowId: NONE }, READ],
  ['deployments.preview', { flowId: NONE, fromEnvironmentId: t.env.dev, toEnvironmentId: t.env.qa }, READ],
  ['deployments.deploy', { environmentId: t.env.dev, flowVersionId: NONE }, BUILD],
  ['deployments.undeploy', { environmentId: t.env.dev, flowId: NONE }, BUILD],
  ['deployments.promote', { flowId: NONE, fromEnvironmentId: t.env.dev, toEnvironmentId: t.env.qa }, BUILD],
  ['deployments.rollback', { environmentId: t.env.dev, flowId: NONE }, BUILD],
  ['transfer.exportFlow', { flowId: NONE }, BUILD],
  ['transfer.importFlow', { text: '{}' }, BUILD],
  ['runs.list', {}, READ],
  ['runs.get', { id: NONE }, READ],
  ['runs.retry', { runId: NONE }, BUILD],
  ['runs.rerun', { runId: NONE }, BUILD],
  ['runs.cancel', { runId: NONE }, BUILD],
  ['runs.progress', { id: NONE }, READ],
  ['runs.manualFlows', undefined, READ],
  ['runs.startManual', { environmentId: t.env.dev, flowId: NONE }, BUILD],
  ['deadLetters.list', {}, READ],
  ['deadLetters.previewReplay', { ids: [NONE] }, BUILD],
  ['deadLetters.replay', { ids: [NONE] }, BUILD],
  ['deadLetters.discard', { ids: [NONE], note: 'duplicate order' }, BUILD],
  ['approvals.list', {}, READ],
  ['approvals.get', { id: NONE }, READ],
  ['approvals.decide', { id: NONE, approved: true }, APPROVE],
  ['dashboard.get', { environmentId: t.env.dev, range: '1h' }, READ],
  ['audit.list', {}, ADMIN],
  ['alerts.channels', undefined, ADMIN],
  ['alerts.createChannel', { kind: 'webhook', name: 'x', config: { url: 'http://127.0.0.1:9/hook' } }, ADMIN],
  ['alerts.removeChannel', { id: NONE }, ADMIN],
  ['alerts.testChannel', { id: NONE }, ADMIN],
  ['alerts.rules', undefined, ADMIN],
  ['alerts.createRule', { channelId: NONE, event: 'run_failed' }, ADMIN],
  ['alerts.setRuleEnabled', { id: NONE, enabled: false }, ADMIN],
  ['alerts.removeRule', { id: NONE }, ADMIN],
  ['alerts.evaluateNow', {}, ADMIN],
];

const OPERATE = [
  'environments',
  'connections',
  'deployments',
  'transfer',
  'runs',
  'deadLetters',
  'approvals',
  'dashboard',
  'audit',
  'alerts',
];

let t: OperateTest;
beforeAll(async () => {
  t = await setupOperateTest();
});
afterAll(async () => {
  await t.db.$disconnect();
  await t.tdb.drop();
});

async function call(role: Role | null, path: string, input: unknown): Promise<string> {
  const [ns, name] = path.split('.') as [string, string];
  const fn = (t.caller(role) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[
    ns
  ]![name]!;
  try {
    await fn(input);
    return 'OK';
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

describe('operate role matrix', () => {
  it('covers every operate procedure', async () => {
    const { appRouter } = await import('../index');
    const all = Object.keys(appRouter._def.procedures).filter((p) => OPERATE.includes(p.split('.')[0]!));
    expect(all.sort()).toEqual(
      rows(t)
        .map((r) => r[0])
        .sort(),
    );
  });

  it('refuses anonymous callers everywhere', async () => {
    for (const [path, input] of rows(t))
      expect(`${path}: ${await call(null, path, input)}`).toBe(`${path}: UNAUTHORIZED`);
  });

  for (const role of ROLE_NAMES) {
    it(`lets ${role} do exactly what the role allows`, async () => {
      for (const [path, input, allowed] of rows(t)) {
        const code = await call(role, path, input);
        if (allowed.includes(role)) expect(`${path}: ${code}`).not.toMatch(/FORBIDDEN|UNAUTHORIZED/);
        else expect(`${path}: ${code}`).toBe(`${path}: FORBIDDEN`);
      }
    });
  }
});
