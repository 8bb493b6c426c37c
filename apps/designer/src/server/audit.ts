// The audit log: who did what, when, from where, with before/after for configuration changes.
// Callers pass the transaction that made the change so the record and the change commit together.
import type { Prisma } from '@conduit/db';

export interface Actor {
  workspaceId: string;
  user: { id: string; email: string };
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
}

type AuditClient = Pick<Prisma.TransactionClient, 'auditLog'>;

const SECRET_KEY = /secret|password|token|api_?key|authorization/i;

/** Drops secret-looking fields so a before/after snapshot can never leak one into the log. */
export function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !SECRET_KEY.test(k))
        .map(([k, v]) => [k, scrub(v)]),
    );
  }
  return value;
}

const json = (v: unknown) =>
  v === undefined ? undefined : (JSON.parse(JSON.stringify(scrub(v))) as Prisma.InputJsonValue);

export async function audit(client: AuditClient, actor: Actor, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
    data: {
      workspaceId: actor.workspaceId,
      actorId: actor.user.id,
      actorEmail: actor.user.email,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: json(entry.before),
      after: json(entry.after),
      ip: actor.ip,
    },
  });
}

/** The actor of a tRPC member context. */
export function actorOf(ctx: {
  member: { workspaceId: string };
  user: { id: string; email: string };
  ip: string | null;
}): Actor {
  return { workspaceId: ctx.member.workspaceId, user: ctx.user, ip: ctx.ip };
}
