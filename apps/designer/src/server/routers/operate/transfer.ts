import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { actorOf, audit } from '../../audit';
import { db } from '../../db';
import { roleProcedure, ROLES, router } from '../../trpc';
import { exportFlow, flowFileSchema, importFlow, toFileText } from './flow-file';

export const transferRouter = router({
  /** A flow and all its versions as a file's text (the browser saves it). */
  exportFlow: roleProcedure(...ROLES.build)
    .input(z.object({ flowId: z.string().uuid() }).strict())
    .mutation(async ({ ctx, input }) => {
      const file = await exportFlow(db(), { workspaceId: ctx.member.workspaceId, flowId: input.flowId });
      if (!file)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: 'That flow does not exist or has no saved version yet; save a version first.',
        });
      await audit(db(), actorOf(ctx), {
        action: 'flow.export',
        targetType: 'flow',
        targetId: input.flowId,
        after: { versions: file.versions.length },
      });
      return {
        fileName: `${
          file.flow.name
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '') || 'flow'
        }.flow.json`,
        text: toFileText(file),
      };
    }),

  importFlow: roleProcedure(...ROLES.build)
    .input(z.object({ text: z.string().min(2).max(5_000_000) }).strict())
    .mutation(async ({ ctx, input }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(input.text);
      } catch {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'The file is not valid JSON; export it again from Conduit.',
        });
      }
      const parsed = flowFileSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `The flow file is not valid: ${issue?.path.join('.') || 'file'}: ${issue?.message}`,
          cause: parsed.error,
        });
      }
      const r = await importFlow(db(), {
        workspaceId: ctx.member.workspaceId,
        file: parsed.data,
        userId: ctx.user.id,
      });
      await audit(db(), actorOf(ctx), {
        action: 'flow.import',
        targetType: 'flow',
        targetId: r.flowId,
        after: { name: parsed.data.flow.name, added: r.added, skipped: r.skipped },
      });
      return r;
    }),
});
