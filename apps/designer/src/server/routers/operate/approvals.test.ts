// Who may decide an approval: the approvers it names, whoever it escalated to, owners and admins.
import { type TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGraph, seedFlow, seedRun, setupOperateTest, startPlaceholderWorkflow, type OperateTest } from './test-support';

let t: OperateTest;
let version: { id: string; flowId: string };

beforeAll(async () => {
  t = await setupOperateTest({ temporal: true });
  const { versions } = await seedFlow(t.db, { workspaceId: t.workspaceId, name: 'Escalating flow', graphs: [demoGraph()] });
  version = versions[0]!;
});
afterAll(async () => {
  await t.close();
});

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: TRPCError) => `${e.code}: ${e.message}`,
  );

async function waitingApproval(approvers: string[]) {
  const run = await seedRun(t.db, { environmentId: t.env.dev, flowVersion: version, status: 'waiting', approval: { summary: { deal: { name: 'Globex' } } } });
  await startPlaceholderWorkflow(t.temporal!, run.workflowId);
  const escalateAt = new Date(Date.now() + 3_600_000);
  return t.db.approval.update({ where: { runId_nodeId: { runId: run.id, nodeId: 'approval' } }, data: { approvers, escalateAt } });
}

describe('approval escalation in the inbox', () => {
  it('lets only the named approvers, owners and admins decide until it escalates; then the escalatees too', async () => {
    const a = await waitingApproval(['cfo@example.com']);
    expect((await t.caller('approver').approvals.get({ id: a.id })).mayDecide).toBe(false);
    expect((await t.caller('admin').approvals.get({ id: a.id })).mayDecide).toBe(true);
    expect(await code(t.caller('approver').approvals.decide({ id: a.id, approved: true }))).toBe(
      'FORBIDDEN: This approval is for cfo@example.com; an owner or admin can decide it too.',
    );
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('pending');

    await t.db.approval.update({ where: { id: a.id }, data: { escalatedTo: ['approver'], escalatedAt: new Date() } });
    const [row] = (await t.caller('viewer').approvals.list({})).filter((x) => x.id === a.id);
    expect(row).toMatchObject({ approvers: ['cfo@example.com'], escalatedTo: ['approver'], escalatedAt: expect.any(Date), escalateAt: a.escalateAt });
    expect((await t.caller('approver').approvals.get({ id: a.id })).mayDecide).toBe(true);
    expect(await t.caller('approver').approvals.decide({ id: a.id, approved: true, comment: 'escalated to me' })).toMatchObject({ status: 'approved' });
  });

  it('names people by e-mail regardless of case, and leaves approvals without approvers to every approving role', async () => {
    const named = await waitingApproval(['Approver@Demo.Conduit.Local']);
    expect((await t.caller('approver').approvals.get({ id: named.id })).mayDecide).toBe(true);
    const open = await waitingApproval([]);
    expect((await t.caller('approver').approvals.get({ id: open.id })).mayDecide).toBe(true);
    expect(await code(t.caller('viewer').approvals.decide({ id: open.id, approved: true }))).toMatch(/^FORBIDDEN: This needs the role/);
  });
});
