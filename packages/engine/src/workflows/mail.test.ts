// E-mail from flows, end to end: notify steps and approval escalation on the Temporal test server, with
// the worker sending over SMTP to the devstack's mail sink (port 0).
import { type MailSink, startMailSink } from '@conduit/devstack/mail-sink';
import type { FlowGraph } from '@conduit/flow';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseSmtpUrl } from '../activities';
import { decideApproval } from '../client/actions';
import { chain, createHarness, type Harness } from '../test/harness';

let h: Harness;
let sink: MailSink;
let busy: MailSink;
let refusing: MailSink;

beforeAll(async () => {
  sink = await startMailSink({ smtpPort: 0, httpPort: 0, dataFile: null, credentials: { username: 'conduit', password: 'sink-pass' } });
  busy = await startMailSink({ smtpPort: 0, httpPort: 0, dataFile: null, refuseRecipients: '451 4.3.0 mailbox busy, try later' });
  refusing = await startMailSink({ smtpPort: 0, httpPort: 0, dataFile: null, refuseRecipients: '550 5.1.1 no such mailbox' });
  h = await createHarness({
    databaseUrl: inject('databaseUrl'),
    temporalTestServerPath: inject('temporalTestServerPath'),
    mail: { mail: parseSmtpUrl(`smtp://conduit:sink-pass@127.0.0.1:${sink.smtpPort}?from=conduit@example.com`), designerUrl: 'http://designer.test' },
  });
  const user = await h.db.user.create({ data: { email: 'ann.approver@example.com', name: 'Ann' } });
  await h.db.membership.create({ data: { workspaceId: h.workspaceId, userId: user.id, role: 'approver' } });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await Promise.all([sink, busy, refusing].map((s) => s?.close()));
});

/** Points the harness environment at another mail server (its own settings beat the worker's). */
const useEnvironmentMail = (smtpUrl: string | null, password?: string) =>
  h.db.environment.update({ where: { id: h.environment.id }, data: { smtpUrl, smtpPasswordEnc: password ? h.secrets.encrypt(password) : null } });

const notifyFlow = (to: string[]) =>
  chain([{ id: 'tell', kind: 'notify', config: { channel: 'email', to, subject: 'concat("Won: ", trigger.name)', message: 'concat("Book the order for ", trigger.name, ".")' } }]);

async function run(graph: FlowGraph, eventKey: string) {
  const flow = await h.deploy(graph);
  const { runId, workflowId } = await h.start(flow, { kind: 'webhook', eventKey, payload: { name: 'Acme' } });
  const outcome = await h.result(workflowId);
  const steps = await h.db.runStep.findMany({ where: { runId }, orderBy: { seq: 'asc' } });
  const deadLetter = await h.db.deadLetter.findFirst({ where: { runId } });
  return { runId, outcome, steps, deadLetter };
}

describe('notify by e-mail', () => {
  it('sends the message to people and to the members of a role, and records who got it', async () => {
    const { outcome, steps, runId } = await run(notifyFlow(['Sales@Example.com', 'approver']), 'mail-ok');
    expect(outcome.status).toBe('succeeded');
    const mail = await sink.waitFor((m) => m.subject === 'Won: Acme');
    expect(mail).toMatchObject({ from: 'conduit@example.com', to: ['sales@example.com', 'ann.approver@example.com'], text: 'Book the order for Acme.' });
    expect(steps.at(-1)?.output).toEqual({ sent: true, to: ['sales@example.com', 'ann.approver@example.com'] });
    expect(await h.db.auditLog.count({ where: { action: 'flow.notify', targetId: runId } })).toBe(1);
  });

  it('uses the environment’s own mail server, whose password is stored encrypted', async () => {
    const own = await startMailSink({ smtpPort: 0, httpPort: 0, dataFile: null, credentials: { username: 'dev', password: 'env-secret' } });
    try {
      await useEnvironmentMail(`smtp://dev@127.0.0.1:${own.smtpPort}?from=dev@example.com`, 'env-secret');
      expect((await run(notifyFlow(['ops@example.com']), 'mail-env')).outcome.status).toBe('succeeded');
      expect((await own.waitFor((m) => m.to.includes('ops@example.com'))).from).toBe('dev@example.com');
    } finally {
      await useEnvironmentMail(null);
      await own.close();
    }
  });

  it('dead-letters at once with a clear message when the mail settings are wrong', async () => {
    await useEnvironmentMail('smtp://dev:plain@127.0.0.1:25?from=dev@example.com');
    try {
      const { outcome, deadLetter } = await run(notifyFlow(['ops@example.com']), 'mail-bad-config');
      expect(outcome.status).toBe('dead_lettered');
      expect(deadLetter).toMatchObject({ nodeId: 'tell', message: 'the mail settings of environment dev are unusable: the SMTP URL holds a password; remove it from the URL and store it as the encrypted SMTP password' });
      expect(JSON.stringify(deadLetter)).not.toContain('plain@');
    } finally {
      await useEnvironmentMail(null);
    }
    await useEnvironmentMail(`smtp://127.0.0.1:${refusing.smtpPort}?from=dev@example.com`);
    try {
      const refused = await run(notifyFlow(['nobody@example.com']), 'mail-550');
      expect(refused.outcome.status).toBe('dead_lettered');
      expect(refused.deadLetter?.message).toBe(`the mail server 127.0.0.1:${refusing.smtpPort} refused RCPT TO:<nobody@example.com>: 550 5.1.1 no such mailbox`);
    } finally {
      await useEnvironmentMail(null);
    }
    const nobody = await run(notifyFlow(['viewer']), 'mail-no-recipient');
    expect(nobody.deadLetter?.message).toBe('none of viewer is an e-mail address or a role with members');
  }, 60_000);

  it('retries a mail server that answers "try later", then dead-letters with its answer', async () => {
    await useEnvironmentMail(`smtp://127.0.0.1:${busy.smtpPort}?from=dev@example.com`);
    try {
      const { outcome, deadLetter } = await run(notifyFlow(['ops@example.com']), 'mail-451');
      expect(outcome.status).toBe('dead_lettered');
      expect(deadLetter?.message).toBe(`the mail server 127.0.0.1:${busy.smtpPort} refused RCPT TO:<ops@example.com>: 451 4.3.0 mailbox busy, try later (gave up after 10 attempts)`);
    } finally {
      await useEnvironmentMail(null);
    }
  }, 120_000);
});

const escalatingApproval = (onTimeout: 'approve' | 'reject') =>
  chain([
    {
      id: 'approve',
      kind: 'approval',
      config: { message: 'concat("Order for ", trigger.name)', approvers: ['ann.approver@example.com'], timeoutMs: 4 * 3_600_000, onTimeout, escalateAfterMs: 3_600_000, escalateTo: ['cfo@example.com'] },
    },
  ]);

async function approvalOf(runId: string, ready: (a: { escalatedAt: Date | null }) => boolean = () => true) {
  for (let i = 0; i < 200; i++) {
    const a = await h.db.approval.findFirst({ where: { runId } });
    if (a && ready(a)) return a;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the approval did not reach the expected state');
}

describe('approval escalation', () => {
  it('e-mails the approvers, escalates when nobody decides, then applies the timeout rule', async () => {
    const flow = await h.deploy(escalatingApproval('reject'));
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', eventKey: 'escalate-expire', payload: { name: 'Globex' } });
    const outcome = await h.result(workflowId);
    expect(outcome.status).toBe('succeeded');
    const approval = await approvalOf(runId);
    expect(approval).toMatchObject({ status: 'expired', approvers: ['ann.approver@example.com'], escalatedTo: ['cfo@example.com'], comment: 'rejected automatically on expiry' });
    expect(approval.escalateAt!.getTime() - approval.expiresAt!.getTime()).toBe(-3 * 3_600_000);
    expect(approval.escalatedAt!.getTime()).toBeGreaterThanOrEqual(approval.escalateAt!.getTime());
    expect(approval.escalatedAt!.getTime()).toBeLessThan(approval.expiresAt!.getTime());
    const request = await sink.waitFor((m) => m.subject === 'Approval needed – Order for Globex');
    expect(request.to).toEqual(['ann.approver@example.com']);
    expect(request.text).toContain(`Approve or reject: http://designer.test/approvals/${approval.id}`);
    const escalation = await sink.waitFor((m) => m.subject === 'Escalated: approval needed – Order for Globex');
    expect(escalation.to).toEqual(['cfo@example.com']);
    expect(escalation.text).toMatch(/^Nobody has decided on this approval since .*, so it was escalated to you\./);
    const step = await h.db.runStep.findFirstOrThrow({ where: { runId, nodeId: 'approve' } });
    expect(step.output).toMatchObject({ approved: false, escalatedTo: ['cfo@example.com'], emails: ['request e-mailed to ann.approver@example.com', 'escalation e-mailed to cfo@example.com'] });
    expect(await h.db.auditLog.count({ where: { action: 'approval.escalate', targetId: approval.id } })).toBe(1);
  });

  it('lets the escalatee decide after the escalation', async () => {
    const flow = await h.deploy(escalatingApproval('reject'));
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', eventKey: 'escalate-decide', payload: { name: 'Initech' } });
    await approvalOf(runId);
    await h.temporal.sleep!(3_600_000 + 60_000);
    const escalated = await approvalOf(runId, (a) => a.escalatedAt !== null);
    expect(escalated.status).toBe('pending');
    await decideApproval({ db: h.db, temporal: async () => h.temporal.client }, { approvalId: escalated.id, approved: true, comment: 'fine by me', userId: '00000000-0000-0000-0000-000000000002', userEmail: 'cfo@example.com' });
    expect((await h.result(workflowId)).status).toBe('succeeded');
    const step = await h.db.runStep.findFirstOrThrow({ where: { runId, nodeId: 'approve' } });
    expect(step.output).toMatchObject({ approved: true, by: 'cfo@example.com', comment: 'fine by me', escalatedTo: ['cfo@example.com'] });
    expect((await approvalOf(runId)).status).toBe('approved');
  });

  it('does not escalate an approval decided in time', async () => {
    const flow = await h.deploy(escalatingApproval('reject'));
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', eventKey: 'decided-early', payload: { name: 'Umbrella' } });
    const pending = await approvalOf(runId);
    await decideApproval({ db: h.db, temporal: async () => h.temporal.client }, { approvalId: pending.id, approved: false, comment: 'no', userId: '00000000-0000-0000-0000-000000000003', userEmail: 'ann.approver@example.com' });
    expect((await h.result(workflowId)).status).toBe('succeeded');
    expect(await approvalOf(runId)).toMatchObject({ status: 'rejected', escalatedAt: null, escalatedTo: [] });
    expect(sink.messages().filter((m) => m.subject === 'Escalated: approval needed – Order for Umbrella')).toEqual([]);
  });
});
