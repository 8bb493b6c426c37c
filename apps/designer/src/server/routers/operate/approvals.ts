import type { Role } from '@conduit/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { actorOf, audit } from '../../audit';
import { db } from '../../db';
import { actionDeps } from '../../engine';
import { decideApproval } from '../../engine-actions';
import { roleProcedure, ROLES, router } from '../../trpc';
import { act, notFound } from './errors';

const id = z.string().uuid();

/**
 * Who may decide among the approving roles: owners and admins always; anyone when the node names no
 * approvers; otherwise whoever it names (e-mail or role) and, once it escalated, whoever it escalated to.
 */
export function mayDecide(a: { approvers: string[]; escalatedTo: string[] }, who: { email: string; role: Role }): boolean {
  if (who.role === 'owner' || who.role === 'admin' || a.approvers.length === 0) return true;
  const email = who.email.toLowerCase();
  return [...a.approvers, ...a.escalatedTo].some((n) => n.toLowerCase() === email || n === who.role);
}

export const approvalsRouter = router({
  list: roleProcedure(...ROLES.read)
    .input(
      z
        .object({
          status: z.enum(['pending', 'approved', 'rejected', 'expired']).default('pending'),
          environmentId: id.optional(),
        })
        .strict(),
    )
    .query(({ ctx, input }) =>
      db().approval.findMany({
        where: {
          status: input.status,
          run: {
            environment: { workspaceId: ctx.member.workspaceId },
            ...(input.environmentId ? { environmentId: input.environmentId } : {}),
          },
        },
        orderBy: { requestedAt: input.status === 'pending' ? 'asc' : 'desc' },
        take: 200,
        include: {
          run: {
            select: {
              id: true,
              searchKeys: true,
              flow: { select: { name: true } },
              environment: { select: { key: true, name: true } },
            },
          },
        },
      }),
    ),

  get: roleProcedure(...ROLES.read)
    .input(z.object({ id }).strict())
    .query(async ({ ctx, input }) => {
      const a = await db().approval.findFirst({
        where: { id: input.id, run: { environment: { workspaceId: ctx.member.workspaceId } } },
        include: {
          run: {
            select: {
              id: true,
              status: true,
              searchKeys: true,
              flow: { select: { name: true } },
              environment: { select: { key: true, name: true } },
            },
          },
        },
      });
      if (!a) notFound('That approval');
      const decidedBy = a.decidedById
        ? await db().user.findUnique({ where: { id: a.decidedById }, select: { name: true, email: true } })
        : null;
      return { ...a, decidedBy, mayDecide: mayDecide(a, { email: ctx.user.email, role: ctx.member.role }) };
    }),

  decide: roleProcedure(...ROLES.approve)
    .input(
      z
        .object({ id, approved: z.boolean(), comment: z.string().trim().max(2000).default('') })
        .strict()
        .refine((i) => i.approved || i.comment.length > 0, {
          message: 'Say why you reject it (the comment goes to the deal owner).',
          path: ['comment'],
        }),
    )
    .mutation(async ({ ctx, input }) => {
      const a = await db().approval.findFirst({
        where: { id: input.id, run: { environment: { workspaceId: ctx.member.workspaceId } } },
        select: { approvers: true, escalatedTo: true },
      });
      if (a && !mayDecide(a, { email: ctx.user.email, role: ctx.member.role }))
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: `This approval is for ${[...a.approvers, ...a.escalatedTo].join(', ')}; an owner or admin can decide it too.`,
        });
      const r = await act(() =>
        decideApproval(actionDeps(), {
          approvalId: input.id,
          workspaceId: ctx.member.workspaceId,
          approved: input.approved,
          comment: input.comment,
          user: ctx.user,
        }),
      );
      await audit(db(), actorOf(ctx), {
        action: input.approved ? 'approval.approve' : 'approval.reject',
        targetType: 'approval',
        targetId: input.id,
        before: { status: r.before.status },
        after: { status: r.after.status, comment: r.after.comment },
      });
      return { id: r.after.id, status: r.after.status };
    }),
});
