import { z } from 'zod';
import { actorOf, audit } from '../../audit';
import { db } from '../../db';
import { actionDeps } from '../../engine';
import { discardDeadLetters, replayDeadLetters } from '../../engine-actions';
import { roleProcedure, ROLES, router } from '../../trpc';
import { act } from './errors';

const ids = z
  .array(z.string().uuid())
  .min(1, 'select at least one dead letter')
  .max(500, 'replay at most 500 at a time');
const statusFilter = z.enum(['open', 'replayed', 'discarded']);

export const deadLettersRouter = router({
  /** Grouped by reason, newest first within a group: one explanation and fix per group. */
  list: roleProcedure(...ROLES.read)
    .input(
      z
        .object({
          environmentId: z.string().uuid().optional(),
          status: statusFilter.default('open'),
          reasonCode: z.string().max(60).optional(),
        })
        .strict(),
    )
    .query(async ({ ctx, input }) => {
      const rows = await db().deadLetter.findMany({
        where: {
          status: input.status,
          ...(input.reasonCode ? { reasonCode: input.reasonCode } : {}),
          run: {
            environment: { workspaceId: ctx.member.workspaceId },
            ...(input.environmentId ? { environmentId: input.environmentId } : {}),
          },
        },
        orderBy: { createdAt: 'desc' },
        take: 1000,
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
      });
      const groups = new Map<string, typeof rows>();
      for (const r of rows) groups.set(r.reasonCode, [...(groups.get(r.reasonCode) ?? []), r]);
      return [...groups].map(([reasonCode, items]) => ({
        reasonCode,
        count: items.length,
        explanation: items[0]!.message,
        suggestion: items[0]!.suggestion,
        items,
      }));
    }),

  /** What a replay would retry: each run, the failed node, the input it will get and the version it runs. */
  previewReplay: roleProcedure(...ROLES.build)
    .input(z.object({ ids }).strict())
    .query(async ({ ctx, input }) => {
      const rows = await db().deadLetter.findMany({
        where: { id: { in: input.ids }, run: { environment: { workspaceId: ctx.member.workspaceId } } },
        include: {
          run: {
            select: {
              id: true,
              searchKeys: true,
              environmentId: true,
              flowId: true,
              flowVersion: { select: { number: true } },
              flow: { select: { name: true } },
            },
          },
        },
      });
      const live = await db().deployment.findMany({
        where: {
          active: true,
          OR: rows.map((r) => ({ environmentId: r.run.environmentId, flowId: r.run.flowId })),
        },
        include: { flowVersion: { select: { number: true } } },
      });
      const deployedVersion = (r: (typeof rows)[number]) =>
        live.find((d) => d.environmentId === r.run.environmentId && d.flowId === r.run.flowId)?.flowVersion
          .number ?? null;
      return rows.map((r) => ({
        deployedVersion: deployedVersion(r),
        id: r.id,
        status: r.status,
        runId: r.runId,
        nodeId: r.nodeId,
        flow: r.run.flow.name,
        version: r.run.flowVersion.number,
        searchKeys: r.run.searchKeys,
        input: r.input,
        reasonCode: r.reasonCode,
      }));
    }),

  /** `deployed` (default) replays on the version live now, so a fixed mapping applies; `pinned` retries in place. */
  replay: roleProcedure(...ROLES.build)
    .input(z.object({ ids, version: z.enum(['pinned', 'deployed']).default('deployed') }).strict())
    .mutation(async ({ ctx, input }) => {
      const r = await act(() =>
        replayDeadLetters(actionDeps(), {
          ids: input.ids,
          workspaceId: ctx.member.workspaceId,
          version: input.version,
        }),
      );
      await audit(db(), actorOf(ctx), {
        action: 'deadLetter.replay',
        targetType: 'deadLetter',
        targetId: input.ids.length === 1 ? input.ids[0] : null,
        after: { ids: input.ids, version: input.version, runIds: r.runIds, failed: r.failed },
      });
      return r;
    }),

  discard: roleProcedure(...ROLES.build)
    .input(
      z
        .object({
          ids,
          note: z.string().trim().min(3, 'say why these are discarded (a short note)').max(1000),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const r = await act(() =>
        discardDeadLetters(db(), { ids: input.ids, workspaceId: ctx.member.workspaceId, note: input.note }),
      );
      await audit(db(), actorOf(ctx), {
        action: 'deadLetter.discard',
        targetType: 'deadLetter',
        targetId: input.ids.length === 1 ? input.ids[0] : null,
        after: { ids: input.ids, note: input.note },
      });
      return r;
    }),
});
