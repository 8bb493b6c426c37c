// Approval rows: opened when a run reaches an approval step, escalated when nobody decides in time,
// expired at the deadline. Each write is idempotent, since local activities may run more than once.
import type { Db } from '@conduit/db';
import type { RunRecord } from '../types';
import { recordRun } from './recorder';

export interface OpenApprovalRequest {
  runId: string;
  nodeId: string;
  reason: string;
  summary: unknown;
  expiresAt: number;
  /** When it escalates, if the node escalates. */
  escalateAt?: number;
  approvers: string[];
  partial: RunRecord;
}

export interface EscalateApprovalRequest {
  runId: string;
  nodeId: string;
  escalateTo: string[];
  /** Workflow time of the escalation (the deadline as the run saw it). */
  at: number;
}

export function approvalActivities(db: Db) {
  return {
    async openApproval(req: OpenApprovalRequest): Promise<void> {
      await recordRun(db, req.partial);
      await db.approval.upsert({
        where: { runId_nodeId: { runId: req.runId, nodeId: req.nodeId } },
        update: {},
        create: {
          runId: req.runId,
          nodeId: req.nodeId,
          reason: req.reason,
          summary: JSON.parse(JSON.stringify(req.summary ?? {})),
          expiresAt: new Date(req.expiresAt),
          approvers: req.approvers,
          ...(req.escalateAt !== undefined ? { escalateAt: new Date(req.escalateAt) } : {}),
        },
      });
    },

    /** Marks a still-pending approval escalated (the inbox shows it; the escalatees may decide) and logs it once. */
    async escalateApproval(req: EscalateApprovalRequest): Promise<{ escalated: boolean }> {
      return db.$transaction(async (tx) => {
        const { count } = await tx.approval.updateMany({ where: { runId: req.runId, nodeId: req.nodeId, status: 'pending', escalatedAt: null }, data: { escalatedTo: req.escalateTo, escalatedAt: new Date(req.at) } });
        if (count === 0) return { escalated: false };
        const a = await tx.approval.findUniqueOrThrow({ where: { runId_nodeId: { runId: req.runId, nodeId: req.nodeId } }, select: { id: true, reason: true, run: { select: { flow: { select: { workspaceId: true } } } } } });
        await tx.auditLog.create({ data: { workspaceId: a.run.flow.workspaceId, action: 'approval.escalate', targetType: 'approval', targetId: a.id, after: { escalatedTo: req.escalateTo, reason: a.reason } } });
        return { escalated: true };
      });
    },

    async expireApproval(req: { runId: string; nodeId: string; approved: boolean }): Promise<void> {
      await db.approval.updateMany({ where: { runId: req.runId, nodeId: req.nodeId, status: 'pending' }, data: { status: 'expired', decidedAt: new Date(), comment: req.approved ? 'approved automatically on expiry' : 'rejected automatically on expiry' } });
    },
  };
}
