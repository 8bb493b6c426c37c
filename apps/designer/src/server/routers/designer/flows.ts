import { z } from 'zod';
import { db } from '../../db';
import { roleProcedure, ROLES, router } from '../../trpc';

export const flowsRouter = router({
  list: roleProcedure(...ROLES.read)
    .input(z.object({ includeArchived: z.boolean().default(false) }).strict().default({ includeArchived: false }))
    .query(({ ctx, input }) =>
      db().flow.findMany({
        where: { workspaceId: ctx.member.workspaceId, ...(input.includeArchived ? {} : { archivedAt: null }) },
        orderBy: { updatedAt: 'desc' },
        select: { id: true, name: true, description: true, updatedAt: true, archivedAt: true, _count: { select: { versions: true } } },
      }),
    ),
});
