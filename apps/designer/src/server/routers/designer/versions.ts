// Flow versions: "save version" freezes the draft (validated, compiled, hashed) as an immutable
// version; history lists them; get returns two for the visual and JSON diff.
import { catalogFromDescriptions, createFlowVersion } from '@conduit/flow';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DraftSchema, graphOf } from '../../../components/flow-editor/model/draft';
import { db } from '../../db';
import { roleProcedure, ROLES, router } from '../../trpc';
import { audit } from './audit';
import { connectorDescriptions } from './catalog/connectors';
import { asJson } from './json';

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
      const result = createFlowVersion(graphOf(input.draft), catalogFromDescriptions(connectorDescriptions()));
      if (!result.ok) {
        const errors = result.problems.filter((p) => p.severity === 'error');
        throw new TRPCError({ code: 'BAD_REQUEST', message: `The flow has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix first (see the problems list): ${errors[0]?.message ?? ''}` });
      }
      const { version } = result;
      return db().$transaction(async (tx) => {
        await tx.flow.update({ where: { id: flow.id }, data: { draft: asJson(input.draft) } });
        const latest = await tx.flowVersion.findFirst({ where: { flowId: flow.id }, orderBy: { number: 'desc' }, select: { number: true, contentHash: true } });
        if (latest?.contentHash === version.hash) return { number: latest.number, created: false, warnings: result.warnings.length };
        const row = await tx.flowVersion.create({
          data: { flowId: flow.id, number: (latest?.number ?? 0) + 1, message: input.message, graph: asJson(version.graph), plan: asJson(version.plan), contentHash: version.hash, createdById: ctx.user.id },
          select: { id: true, number: true },
        });
        await audit(ctx, { action: 'flow.version.save', targetType: 'flow_version', targetId: row.id, after: { flowId: flow.id, number: row.number, message: input.message } });
        return { number: row.number, created: true, warnings: result.warnings.length };
      });
    }),
});
