import { createRedactor } from '@conduit/connector-kit';
import { ManualRunError, manualFlows, startManualRun } from '@conduit/engine/client';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { actorOf, audit } from '../../audit';
import { traceUrl } from '@conduit/telemetry';
import { env } from '../../../env';
import { db } from '../../db';
import { actionDeps } from '../../engine';
import { cancelRun, rerunRun, retryRun } from '../../engine-actions';
import { liveLoops } from '../../run-progress';
import { roleProcedure, ROLES, router } from '../../trpc';
import { act, notFound } from './errors';
import { cursorSchema, encodeCursor, keyLinks, runFilter, runWhere } from './runs-query';

const id = z.string().uuid();
// The engine redacts before storing; this second pass masks secret-named fields that slipped through.
const redact = createRedactor([]);

const runAction = (action: 'retry' | 'rerun' | 'cancel', fn: typeof retryRun) =>
  roleProcedure(...ROLES.build)
    .input(z.object({ runId: id }).strict())
    .mutation(async ({ ctx, input }) => {
      const r = await act(() =>
        fn(actionDeps(), { runId: input.runId, workspaceId: ctx.member.workspaceId }),
      );
      await audit(db(), actorOf(ctx), {
        action: `run.${action}`,
        targetType: 'run',
        targetId: input.runId,
        after: { runId: r.runId },
      });
      return r;
    });

export const runsRouter = router({
  list: roleProcedure(...ROLES.read)
    .input(
      z
        .object({
          filter: runFilter.default({}),
          cursor: cursorSchema.optional(),
          limit: z.number().int().min(1).max(200).default(50),
          // Sent by infinite queries; paging is forward only.
          direction: z.enum(['forward', 'backward']).optional(),
        })
        .strict(),
    )
    .query(async ({ ctx, input }) => {
      const rows = await db().run.findMany({
        where: runWhere(ctx.member.workspaceId, input.filter, input.cursor),
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
        select: {
          id: true,
          status: true,
          triggerKind: true,
          eventKey: true,
          searchKeys: true,
          error: true,
          startedAt: true,
          finishedAt: true,
          durationMs: true,
          flow: { select: { id: true, name: true } },
          environment: { select: { key: true, name: true } },
          flowVersion: { select: { number: true } },
        },
      });
      const page = rows.slice(0, input.limit);
      return {
        runs: page,
        nextCursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]!) : null,
      };
    }),

  get: roleProcedure(...ROLES.read)
    .input(z.object({ id }).strict())
    .query(async ({ ctx, input }) => {
      const run = await db().run.findFirst({
        where: { id: input.id, environment: { workspaceId: ctx.member.workspaceId } },
        include: {
          steps: { orderBy: { seq: 'asc' } },
          deadLetters: { orderBy: { createdAt: 'asc' } },
          approvals: { orderBy: { requestedAt: 'asc' } },
          flow: { select: { id: true, name: true } },
          environment: { select: { id: true, key: true, name: true } },
          flowVersion: { select: { id: true, number: true, graph: true } },
        },
      });
      if (!run) notFound('That run');
      return {
        ...run,
        steps: run.steps.map((s) => ({
          ...s,
          input: redact(s.input),
          output: redact(s.output),
          error: redact(s.error),
        })),
        links: keyLinks(
          run.searchKeys,
          run.steps.map((s) => s.output),
        ),
        traceUrl: traceUrl(env().TRACE_URL_TEMPLATE, run.traceId) ?? null,
      };
    }),

  /** For-each progress of an active run (done/total and start time per loop), from the workflow itself. */
  progress: roleProcedure(...ROLES.read)
    .input(z.object({ id }).strict())
    .query(async ({ ctx, input }) => {
      const run = await db().run.findFirst({
        where: { id: input.id, environment: { workspaceId: ctx.member.workspaceId } },
        select: { workflowId: true, status: true },
      });
      if (!run) notFound('That run');
      return { loops: run.status === 'running' || run.status === 'waiting' || run.status === 'queued' ? await liveLoops(run.workflowId) : [] };
    }),

  /** Deployed flows that start by hand, per environment of the workspace (they get a "Run now" button). */
  manualFlows: roleProcedure(...ROLES.read).query(async ({ ctx }) => {
    const envs = await db().environment.findMany({ where: { workspaceId: ctx.member.workspaceId }, select: { id: true } });
    const pairs = await Promise.all(envs.map(async (e) => (await manualFlows(db(), e.id)).map((flowId) => ({ environmentId: e.id, flowId }))));
    return pairs.flat();
  }),

  /** Starts a deployed manual-trigger flow (e.g. the Customer 360 bulk sync); the answer names the new run. */
  startManual: roleProcedure(...ROLES.build)
    .input(z.object({ environmentId: id, flowId: id }).strict())
    .mutation(async ({ ctx, input }) => {
      const env = await db().environment.findFirst({ where: { id: input.environmentId, workspaceId: ctx.member.workspaceId }, select: { isProtected: true } });
      if (!env) notFound('That environment');
      if (env.isProtected && ctx.member.role !== 'owner' && ctx.member.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN', message: 'Only owners and admins start runs by hand in a protected environment.' });
      let started: { runId: string };
      try {
        started = await startManualRun(actionDeps(), { ...input, startedBy: ctx.user.email });
      } catch (err) {
        if (err instanceof ManualRunError) throw new TRPCError({ code: err.code, message: err.message, cause: err });
        throw err;
      }
      await audit(db(), actorOf(ctx), { action: 'run.start', targetType: 'run', targetId: started.runId, after: { flowId: input.flowId, environmentId: input.environmentId } });
      return started;
    }),

  retry: runAction('retry', retryRun),
  rerun: runAction('rerun', rerunRun),
  cancel: runAction('cancel', cancelRun),
});
