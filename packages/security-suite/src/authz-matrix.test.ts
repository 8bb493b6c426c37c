// Authorization matrix: every tRPC procedure the app router exposes × every role, anonymous callers and
// signed-in users without a membership, plus workspace isolation for procedures that take an id.
// The policy below is the specification; a procedure added without a row here fails the first test.
// Inputs are left out on purpose: the role check runs before input validation, so an allowed caller
// gets past it (to BAD_REQUEST, NOT_FOUND or OK) and a refused one never reaches the input at all.
import type { Role } from '@conduit/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProcedures, callAs, ROLES, setupOperateTest, type OperateTest } from './designer';

const MEMBER = ROLES;
const READ = ROLES;
const BUILD: Role[] = ['owner', 'admin', 'builder'];
const APPROVE: Role[] = ['owner', 'admin', 'approver'];
const ADMIN: Role[] = ['owner', 'admin'];

const POLICY: Record<string, readonly Role[]> = {
  'me.get': MEMBER,
  ...tier(READ, 'flows.list', 'flows.templates', 'flows.get', 'versions.list', 'versions.get', 'catalog.get', 'catalog.connections'),
  ...tier(BUILD, 'flows.create', 'flows.duplicate', 'flows.archive', 'flows.rename', 'flows.saveDraft', 'versions.save'),
  // Pickers and discovery call the connection with its stored credential, and test runs execute flows.
  ...tier(BUILD, 'catalog.picker', 'catalog.discover', 'mapping.suggest', 'testRuns.start', 'testRuns.progress', 'testRuns.capturedEvents', 'testRuns.sampleRecords'),
  ...tier(READ, 'environments.list', 'environments.get', 'connections.list', 'deployments.overview', 'deployments.history', 'deployments.preview'),
  ...tier(ADMIN, 'environments.create', 'environments.update', 'environments.pruneRuns'),
  ...tier(ADMIN, 'connections.create', 'connections.update', 'connections.remove', 'connections.testDraft', 'connections.rotateKeys'),
  'connections.test': BUILD,
  ...tier(BUILD, 'deployments.deploy', 'deployments.undeploy', 'deployments.promote', 'deployments.rollback', 'transfer.exportFlow', 'transfer.importFlow'),
  ...tier(READ, 'runs.list', 'runs.get', 'runs.progress', 'runs.manualFlows', 'deadLetters.list', 'approvals.list', 'approvals.get', 'dashboard.get'),
  ...tier(BUILD, 'runs.retry', 'runs.rerun', 'runs.cancel', 'runs.startManual', 'deadLetters.previewReplay', 'deadLetters.replay', 'deadLetters.discard'),
  'approvals.decide': APPROVE,
  'audit.list': ADMIN,
  ...tier(ADMIN, 'alerts.channels', 'alerts.createChannel', 'alerts.removeChannel', 'alerts.testChannel', 'alerts.rules', 'alerts.createRule', 'alerts.setRuleEnabled', 'alerts.removeRule', 'alerts.evaluateNow'),
};

function tier(roles: readonly Role[], ...paths: string[]): Record<string, readonly Role[]> {
  return Object.fromEntries(paths.map((p) => [p, roles]));
}

let t: OperateTest;
let outsider: unknown;
let stranger: unknown;

beforeAll(async () => {
  t = await setupOperateTest();
  const { appRouter } = await import('@conduit/designer/src/server/routers/index');
  // Signed in, but a member of no workspace (an SSO user nobody invited, a removed member).
  const lone = await t.db.user.create({ data: { email: 'lone@security.test', name: 'Lone' } });
  outsider = appRouter.createCaller({ user: { id: lone.id, email: lone.email, name: lone.name }, ip: null });
  // The owner of another workspace: must not see or touch anything of the demo workspace.
  const other = await t.db.workspace.create({ data: { name: 'Other Co', slug: 'other-co' } });
  const owner = await t.db.user.create({ data: { email: 'owner@other.test', name: 'Other owner' } });
  await t.db.membership.create({ data: { workspaceId: other.id, userId: owner.id, role: 'owner' } });
  stranger = appRouter.createCaller({ user: { id: owner.id, email: owner.email, name: owner.name }, ip: null });
});
afterAll(() => t?.close());

describe('authorization matrix (tRPC)', () => {
  it('has a policy row for every procedure the router exposes, and no stale rows', async () => {
    expect(await allProcedures()).toEqual(Object.keys(POLICY).sort());
  });

  it('refuses anonymous callers everywhere with UNAUTHORIZED', async () => {
    for (const path of Object.keys(POLICY)) expect(`${path}: ${await callAs(t.caller(null), path, undefined)}`).toBe(`${path}: UNAUTHORIZED`);
  });

  it('refuses signed-in users without a membership everywhere with FORBIDDEN', async () => {
    for (const path of Object.keys(POLICY)) expect(`${path}: ${await callAs(outsider, path, undefined)}`).toBe(`${path}: FORBIDDEN`);
  });

  for (const role of ROLES) {
    it(`lets ${role} through exactly the procedures its role allows`, async () => {
      for (const [path, allowed] of Object.entries(POLICY)) {
        const code = await callAs(t.caller(role), path, undefined);
        // Past the gate, a missing input is a BAD_REQUEST (or OK for input-less procedures), never a crash.
        if (allowed.includes(role)) expect(`${path}: ${code}`).toMatch(/: (OK|BAD_REQUEST|NOT_FOUND|PRECONDITION_FAILED)$/);
        else expect(`${path}: ${code}`).toBe(`${path}: FORBIDDEN`);
      }
    });
  }
});

describe('protected environments', () => {
  it('let only owners and admins deploy, undeploy, roll back, promote into or start runs in prod', async () => {
    const { seedFlow } = await import('@conduit/designer/src/server/routers/operate/test-support');
    const { flow, versions } = await seedFlow(t.db, { workspaceId: t.workspaceId, name: 'Protected', graphs: [{}] });
    const prod = t.env.prod;
    const cases: Array<[string, unknown]> = [
      ['deployments.deploy', { environmentId: prod, flowVersionId: versions[0]!.id }],
      ['deployments.undeploy', { environmentId: prod, flowId: flow.id }],
      ['deployments.rollback', { environmentId: prod, flowId: flow.id }],
      ['deployments.promote', { flowId: flow.id, fromEnvironmentId: t.env.qa, toEnvironmentId: prod }],
      ['runs.startManual', { environmentId: prod, flowId: flow.id }],
    ];
    for (const [path, input] of cases) {
      expect(`${path}: ${await callAs(t.caller('builder'), path, input)}`).toBe(`${path}: FORBIDDEN`);
      for (const role of ['owner', 'admin'] as const) expect(`${role} ${path}: ${await callAs(t.caller(role), path, input)}`).not.toMatch(/FORBIDDEN|UNAUTHORIZED/);
    }
  });
});

describe('workspace isolation', () => {
  it("answers NOT_FOUND (or nothing) to another workspace's owner for every id of this one", async () => {
    const { seedFlow } = await import('@conduit/designer/src/server/routers/operate/test-support');
    const { flow, versions } = await seedFlow(t.db, { workspaceId: t.workspaceId, name: 'Isolated', graphs: [{}] });
    const connection = await t.db.connection.findFirstOrThrow({ where: { environmentId: t.env.dev } });
    const cases: Array<[string, unknown]> = [
      ['flows.get', { id: flow.id }],
      ['flows.rename', { id: flow.id, name: 'Taken over' }],
      ['flows.archive', { id: flow.id, archived: true }],
      ['flows.duplicate', { id: flow.id }],
      ['versions.list', { flowId: flow.id }],
      ['versions.get', { flowId: flow.id, numbers: [versions[0]!.number] }],
      ['environments.get', { id: t.env.dev }],
      ['environments.update', { id: t.env.dev, settings: { ipAllowlist: [] } }],
      ['environments.pruneRuns', { id: t.env.dev }],
      ['connections.update', { id: connection.id, name: 'Taken over' }],
      ['connections.remove', { id: connection.id }],
      ['connections.test', { id: connection.id }],
      ['transfer.exportFlow', { flowId: flow.id }],
      ['deployments.history', { flowId: flow.id }],
    ];
    for (const [path, input] of cases) expect(`${path}: ${await callAs(stranger, path, input)}`).toMatch(/: (NOT_FOUND|OK)$/);
    // The OK cases must be empty answers, never this workspace's data.
    const readable = (stranger as { connections: { list(i: unknown): Promise<unknown[]> } }).connections;
    expect(await readable.list({ environmentId: t.env.dev }).catch(() => [])).toEqual([]);
    expect((await t.db.flow.findUniqueOrThrow({ where: { id: flow.id } })).name).toBe('Isolated');
    expect(await t.db.connection.findUnique({ where: { id: connection.id } })).not.toBeNull();
  });
});
