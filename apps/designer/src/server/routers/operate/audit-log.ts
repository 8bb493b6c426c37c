import { z } from 'zod';
import { db } from '../../db';
import { roleProcedure, ROLES, router } from '../../trpc';

export const auditRouter = router({
  /** Newest first, keyset-paged on (created_at, id). */
  list: roleProcedure(...ROLES.administer)
    .input(
      z
        .object({
          action: z.string().trim().max(60).optional(),
          targetType: z.string().trim().max(40).optional(),
          actorEmail: z.string().trim().max(200).optional(),
          /** The createdAt of the last entry of the previous page. */
          cursor: z.coerce.date().optional(),
          limit: z.number().int().min(1).max(200).default(50),
          // Sent by infinite queries; paging is forward only.
          direction: z.enum(['forward', 'backward']).optional(),
        })
        .strict(),
    )
    .query(async ({ ctx, input }) => {
      const rows = await db().auditLog.findMany({
        where: {
          workspaceId: ctx.member.workspaceId,
          ...(input.action ? { action: { startsWith: input.action } } : {}),
          ...(input.targetType ? { targetType: input.targetType } : {}),
          ...(input.actorEmail
            ? { actorEmail: { contains: input.actorEmail, mode: 'insensitive' as const } }
            : {}),
          ...(input.cursor ? { createdAt: { lt: input.cursor } } : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      return {
        entries: page,
        nextCursor: rows.length > input.limit ? page[page.length - 1]!.createdAt : null,
      };
    }),
});
