// Activities that send e-mail: notify steps, and the messages an approval sends when it opens and when
// it escalates. They run as normal activities (a slow relay must not hold a workflow task) with
// retries; the SMTP reply decides whether a failure is worth retrying.
import type { Db, SecretBox } from '@conduit/db';
import { PermanentError } from '@conduit/connector-kit';
import { toActivityFailure } from './failures';
import { mailTransportFor, type MailTransport, recipientsFor, requireMailTransport } from './mail-transport';
import { sendMail } from './smtp';

export interface MailDeps {
  db: Db;
  secrets: SecretBox;
  /** The worker's CONDUIT_SMTP_URL, for environments without their own mail settings. */
  mail?: MailTransport;
  /** Links in e-mails point here (CONDUIT_DESIGNER_URL). */
  designerUrl?: string;
}

export interface NotifyRequest {
  runId: string;
  nodeId: string;
  channel: 'email' | 'designer';
  to: string[];
  subject?: string;
  message: string;
}

export interface ApprovalMailRequest {
  runId: string;
  nodeId: string;
  kind: 'request' | 'escalation';
}

/** What an approval e-mail did, for the step's note on the run page. */
export interface MailOutcome {
  sent: boolean;
  to: string[];
  note?: string;
}

const runContext = (db: Db, runId: string) =>
  db.run.findUniqueOrThrow({ where: { id: runId }, select: { environmentId: true, flow: { select: { name: true, workspaceId: true } }, environment: { select: { name: true } } } });

export function mailActivities(deps: MailDeps) {
  return {
    /** Designer notifications land in the audit log of the run's workspace; e-mail goes out over SMTP and is logged there too. */
    async notify(req: NotifyRequest): Promise<{ sent: boolean; to: string[] }> {
      try {
        const run = await runContext(deps.db, req.runId);
        let to = req.to;
        if (req.channel === 'email') {
          to = await recipientsFor(deps.db, run.flow.workspaceId, req.to);
          if (!to.length) throw new PermanentError('validation', { connector: 'smtp', subject: { type: 'recipients' }, message: `none of ${req.to.join(', ')} is an e-mail address or a role with members` });
          const transport = await requireMailTransport(deps, run.environmentId);
          await sendMail(transport, { to, subject: req.subject ?? `${run.flow.name}: notification`, text: req.message });
        }
        await deps.db.auditLog.create({
          data: { workspaceId: run.flow.workspaceId, action: 'flow.notify', targetType: 'run', targetId: req.runId, after: { channel: req.channel, to, subject: req.subject ?? null, message: req.message, nodeId: req.nodeId } },
        });
        return { sent: true, to };
      } catch (error) {
        throw toActivityFailure(error);
      }
    },

    /**
     * Tells the approvers (on request) or the escalatees (on escalation) that a decision waits. Without a
     * mail server it sends nothing and says so: the designer's inbox shows the approval either way.
     */
    async sendApprovalMail(req: ApprovalMailRequest): Promise<MailOutcome> {
      try {
        const approval = await deps.db.approval.findUniqueOrThrow({ where: { runId_nodeId: { runId: req.runId, nodeId: req.nodeId } } });
        const run = await runContext(deps.db, req.runId);
        const names = req.kind === 'escalation' ? approval.escalatedTo : approval.approvers.length ? approval.approvers : ['approver'];
        const to = await recipientsFor(deps.db, run.flow.workspaceId, names);
        if (!to.length) return { sent: false, to, note: `no e-mail sent: ${names.join(', ')} names nobody with an e-mail address` };
        const transport = await mailTransportFor(deps, run.environmentId);
        if (!transport) return { sent: false, to, note: 'no e-mail sent: no mail server is configured (CONDUIT_SMTP_URL)' };
        const link = deps.designerUrl ? `${deps.designerUrl.replace(/\/$/, '')}/approvals/${approval.id}` : 'Approvals in the Conduit designer';
        const escalated = req.kind === 'escalation';
        const lines = [
          escalated
            ? `Nobody has decided on this approval since ${approval.requestedAt.toISOString()}, so it was escalated to you.`
            : `The flow "${run.flow.name}" (${run.environment.name}) waits for your decision.`,
          '',
          approval.reason,
          '',
          `Approve or reject: ${link}`,
          ...(approval.expiresAt ? [`Without a decision it expires at ${approval.expiresAt.toISOString()}.`] : []),
        ];
        await sendMail(transport, { to, subject: `${escalated ? 'Escalated: approval' : 'Approval'} needed – ${approval.reason}`.slice(0, 200), text: lines.join('\n') });
        return { sent: true, to };
      } catch (error) {
        throw toActivityFailure(error);
      }
    },
  };
}
