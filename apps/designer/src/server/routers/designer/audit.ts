import { db } from '../../db';

interface AuditCtx {
  member: { workspaceId: string };
  user: { id: string; email: string };
  ip: string | null;
}

/** Records a build-side change (flow created, version saved…) in the workspace audit log. */
export async function audit(ctx: AuditCtx, entry: { action: string; targetType: 'flow' | 'flow_version'; targetId: string; after?: Record<string, unknown> }) {
  await db().auditLog.create({
    data: {
      workspaceId: ctx.member.workspaceId, actorId: ctx.user.id, actorEmail: ctx.user.email, action: entry.action,
      targetType: entry.targetType, targetId: entry.targetId, ip: ctx.ip, ...(entry.after ? { after: entry.after as object } : {}),
    },
  });
}
