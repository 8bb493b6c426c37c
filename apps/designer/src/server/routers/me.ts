import { db } from '../db';
import { memberProcedure, router } from '../trpc';

export const meRouter = router({
  get: memberProcedure.query(async ({ ctx }) => {
    const workspace = await db().workspace.findUniqueOrThrow({ where: { id: ctx.member.workspaceId }, select: { id: true, name: true } });
    return { user: ctx.user, role: ctx.member.role, workspace };
  }),
});
