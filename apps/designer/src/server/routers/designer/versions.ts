// Flow versions: "save version" freezes the draft (validated, compiled, hashed) as an immutable
// version; history lists them; get returns two for the visual and JSON diff.
import { DeployError, saveFlowVersion } from '@conduit/engine/client';
import { catalogFromDescriptions } from '@conduit/flow';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DraftSchema, graphOf } from '../../../components/flow-editor/model/draft';
import { db } from '../../db';
import { roleProcedure, ROLES, router } from '../../trpc';
import { audit } from './audit';
import { connectorDescriptions } from './catalog/connectors';

async function flowOf(workspaceId: string, flowId: string) {
  const flow = await db().flow.findFirst({ where: { id: flowId, workspaceId }, select: { id: true, archivedAt: true } });
  if (!flow) throw new TRPCError({ code: 'NOT_FOUND', message: 'This flow does not exist or was deleted; go back to the flow list.' });
  return flow;
}

export const versionsRouter = router({
  list: roleProcedure(...ROLES.read)
    .input(z.object({ flowId: z.uuid() }).strict())
    .query(async ({ ctx, input }) => {
      await flowOf(ctx.member.workspaceId, input.flowId);
      const versions = await db().flowVersion.findMany({
        where: { flowId: input.flowId },
        orderBy: { number: 'desc' },
        select: { id: true, number: true, message: true, contentHash: true, createdAt: true, createdById: true },
      });
      const authors = await db().user.findMany({ where: { id: { in: versions.flatMap((v) => (v.createdById ? [v.createdById] : [])) } }, select: { id: true, name: true } });
      const nameOf = new Map(authors.map((a) => [a.id, a.name]));
      return versions.map(({ createdById, ...v }) => ({ ...v, author: createdById ? (nameOf.get(createdById) ?? 'a former member') : null }));
    }),

  get: roleProcedure(...ROLES.read)
    .input(z.object({ flowId: z.uuid(), numbers: z.array(z.number().int().min(1)).min(1).max(2) }).strict())
    .query(async ({ ctx, input }) => {
      await flowOf(ctx.member.workspaceId, input.flowId);
      const rows = await db().flowVersion.findMany({ where: { flowId: input.flowId, number: { in: input.numbers } }, select: { number: true, message: true, graph: true, contentHash: true, createdAt: true } });
      const missing = input.numbers.filter((n) => !rows.some((r) => r.number === n));
      if (missing.length) throw new TRPCError({ code: 'NOT_FOUND', message: `Version ${missing.join(' and ')} does not exist; pick versions from the history.` });
      return input.numbers.map((n) => rows.find((r) => r.number === n)!);
    }),

  save: roleProcedure(...ROLES.build)
    .input(z.object({ flowId: z.uuid(), message: z.string().trim().min(1, 'Say what changed, e.g. "map PO number".').max(500), draft: DraftSchema }).strict())
    .mutation(async ({ ctx, input }) => {
      const flow = await flowOf(ctx.member.workspaceId, input.flowId);
      if (flow.archivedAt) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This flow is archived; restore it from the flow list before saving a version.' });
      try {
        const saved = await saveFlowVersion(db(), { flowId: flow.id, graph: graphOf(input.draft), draft: input.draft, message: input.message, catalog: catalogFromDescriptions(connectorDescriptions()), userId: ctx.user.id });
        if (saved.created) await audit(ctx, { action: 'flow.version.save', targetType: 'flow_version', targetId: saved.id, after: { flowId: flow.id, number: saved.number, message: input.message } });
        return { number: saved.number, created: saved.created, warnings: saved.warnings };
      } catch (err) {
        if (err instanceof DeployError) throw new TRPCError({ code: err.code, message: err.message, cause: err });
        throw err;
      }
    }),
});
