// Flows: the list (per environment, with deployment status and run health), create from blank or a
// template, duplicate, archive, open, rename and autosave the draft.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DraftSchema, EMPTY_DRAFT } from '../../../components/flow-editor/model/draft';
import { db } from '../../db';
import { roleProcedure, ROLES, router } from '../../trpc';
import { audit } from './audit';
import { flowHealth } from './health';
import { asJson } from './json';
import { TEMPLATES } from './templates';

const flowId = z.object({ id: z.uuid() }).strict();
const name = z.string().trim().min(1, 'Give the flow a name.').max(120, 'Keep the name under 120 characters.');
/** Drafts are capped so one tab cannot fill the database. */
const MAX_DRAFT_BYTES = 2_000_000;

async function ownedFlow(workspaceId: string, id: string) {
  const flow = await db().flow.findFirst({ where: { id, workspaceId } });
  if (!flow) throw new TRPCError({ code: 'NOT_FOUND', message: 'This flow does not exist or was deleted; go back to the flow list.' });
  return flow;
}

export const flowsRouter = router({
  list: roleProcedure(...ROLES.read)
    .input(z.object({ includeArchived: z.boolean().default(false), environmentKey: z.string().min(1).max(40).optional() }).strict().default({ includeArchived: false }))
    .query(async ({ ctx, input }) => {
      const flows = await db().flow.findMany({
        where: { workspaceId: ctx.member.workspaceId, ...(input.includeArchived ? {} : { archivedAt: null }) },
        orderBy: { updatedAt: 'desc' },
        select: { id: true, name: true, description: true, updatedAt: true, archivedAt: true, _count: { select: { versions: true } } },
      });
      const health = await flowHealth({ workspaceId: ctx.member.workspaceId, environmentKey: input.environmentKey, flowIds: flows.map((f) => f.id) });
      return flows.map((f) => ({ ...f, ...health.get(f.id)! }));
    }),

  templates: roleProcedure(...ROLES.read).query(() => TEMPLATES.map(({ key, name: n, description }) => ({ key, name: n, description }))),

  create: roleProcedure(...ROLES.build)
    .input(z.object({ name, description: z.string().max(500).default(''), template: z.string().max(60).optional() }).strict())
    .mutation(async ({ ctx, input }) => {
      const template = input.template ? TEMPLATES.find((t) => t.key === input.template) : undefined;
      if (input.template && !template) throw new TRPCError({ code: 'BAD_REQUEST', message: `There is no template "${input.template}"; pick one from the list.` });
      const flow = await db().flow.create({
        data: { workspaceId: ctx.member.workspaceId, name: input.name, description: input.description || (template?.description ?? ''), draft: asJson(template?.draft ?? EMPTY_DRAFT) },
        select: { id: true },
      });
      await audit(ctx, { action: 'flow.create', targetType: 'flow', targetId: flow.id, after: { name: input.name, template: input.template ?? null } });
      return flow;
    }),

  duplicate: roleProcedure(...ROLES.build)
    .input(flowId)
    .mutation(async ({ ctx, input }) => {
      const source = await ownedFlow(ctx.member.workspaceId, input.id);
      const copy = await db().flow.create({
        data: { workspaceId: ctx.member.workspaceId, name: `${source.name} (copy)`.slice(0, 120), description: source.description, draft: source.draft ?? asJson(EMPTY_DRAFT) },
        select: { id: true },
      });
      await audit(ctx, { action: 'flow.duplicate', targetType: 'flow', targetId: copy.id, after: { from: source.id } });
      return copy;
    }),

  archive: roleProcedure(...ROLES.build)
    .input(z.object({ id: z.uuid(), archived: z.boolean() }).strict())
    .mutation(async ({ ctx, input }) => {
      await ownedFlow(ctx.member.workspaceId, input.id);
      await db().flow.update({ where: { id: input.id }, data: { archivedAt: input.archived ? new Date() : null } });
      await audit(ctx, { action: input.archived ? 'flow.archive' : 'flow.unarchive', targetType: 'flow', targetId: input.id });
      return { ok: true };
    }),

  get: roleProcedure(...ROLES.read)
    .input(flowId)
    .query(async ({ ctx, input }) => {
      const flow = await ownedFlow(ctx.member.workspaceId, input.id);
      const parsed = DraftSchema.safeParse(flow.draft);
      const latest = await db().flowVersion.findFirst({ where: { flowId: flow.id }, orderBy: { number: 'desc' }, select: { number: true, contentHash: true, createdAt: true } });
      return { id: flow.id, name: flow.name, description: flow.description, archivedAt: flow.archivedAt, updatedAt: flow.updatedAt, draft: parsed.success ? parsed.data : EMPTY_DRAFT, latestVersion: latest };
    }),

  rename: roleProcedure(...ROLES.build)
    .input(z.object({ id: z.uuid(), name, description: z.string().max(500).optional() }).strict())
    .mutation(async ({ ctx, input }) => {
      await ownedFlow(ctx.member.workspaceId, input.id);
      await db().flow.update({ where: { id: input.id }, data: { name: input.name, ...(input.description === undefined ? {} : { description: input.description }) } });
      return { ok: true };
    }),

  saveDraft: roleProcedure(...ROLES.build)
    .input(z.object({ id: z.uuid(), draft: DraftSchema }).strict())
    .mutation(async ({ ctx, input }) => {
      if (JSON.stringify(input.draft).length > MAX_DRAFT_BYTES) throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: 'This draft is larger than 2 MB; remove large pinned samples or split the flow.' });
      const flow = await ownedFlow(ctx.member.workspaceId, input.id);
      if (flow.archivedAt) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This flow is archived; restore it from the flow list before editing.' });
      const saved = await db().flow.update({ where: { id: input.id }, data: { draft: asJson(input.draft) }, select: { updatedAt: true } });
      return { savedAt: saved.updatedAt };
    }),
});
