import { db } from '../../db';
import { roleProcedure, ROLES, router } from '../../trpc';

export const environmentsRouter = router({
  list: roleProcedure(...ROLES.read).query(({ ctx }) =>
    db().environment.findMany({
      where: { workspaceId: ctx.member.workspaceId },
      orderBy: { position: 'asc' },
      select: { id: true, key: true, name: true, isProtected: true, position: true },
    }),
  ),
});
