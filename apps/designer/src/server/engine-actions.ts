// The one place the designer asks the engine to act on runs, approvals, dead letters and deployments.
// Run actions check that the run is in the caller's workspace and in a state that allows the action,
// then go through @conduit/engine/client (which records runs and talks to Temporal). Deploying is the
// engine's too (deployVersion, undeploy): the demo installer takes the same path.
import {
  cancelRun as engineCancel,
  decideApproval as engineDecide,
  replayDeadLetters as engineReplay,
  runAgain,
  RunActionError,
  type ActionDeps,
} from '@conduit/engine/client';
import type { Db, RunStatus } from '@conduit/db';

export { deployVersion, undeploy, type DeployContext } from '@conduit/engine/client';

export type ActionErrorCode =
  'NOT_FOUND' | 'CONFLICT' | 'BAD_REQUEST' | 'PRECONDITION_FAILED' | 'SERVICE_UNAVAILABLE';

/** A refused action with a message that says what to do; routers turn it into a tRPC error. */
export class ActionError extends Error {
  override name = 'ActionError';
  constructor(
    readonly code: ActionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type { ActionDeps };

const FINISHED: RunStatus[] = ['succeeded', 'failed', 'dead_lettered', 'cancelled'];
const ACTIVE: RunStatus[] = ['queued', 'running', 'waiting'];
const STALE = 'Some of these dead letters were already replayed or discarded; refresh and select again.';

/** The engine's refusals keep their message; "unavailable" becomes a 503 the UI can offer to retry. */
async function engine<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RunActionError)
      throw new ActionError(err.code === 'UNAVAILABLE' ? 'SERVICE_UNAVAILABLE' : err.code, err.message);
    throw err;
  }
}

async function runOrThrow(db: Db, runId: string, workspaceId: string) {
  const run = await db.run.findFirst({ where: { id: runId, environment: { workspaceId } } });
  if (!run)
    throw new ActionError(
      'NOT_FOUND',
      'That run does not exist (it may have been pruned by the retention policy).',
    );
  return run;
}

/** Retry from the failed step on the run's pinned version; a new run reuses the steps that succeeded. */
export async function retryRun(deps: ActionDeps, opts: { runId: string; workspaceId: string }) {
  const run = await runOrThrow(deps.db, opts.runId, opts.workspaceId);
  if (run.status !== 'failed' && run.status !== 'dead_lettered') {
    throw new ActionError(
      'CONFLICT',
      `Only failed runs can be retried; this one is ${run.status.replace('_', ' ')}.`,
    );
  }
  const again = await engine(() => runAgain(deps, { runId: run.id, fromFailedStep: true }));
  await deps.db.deadLetter.updateMany({
    where: { runId: run.id, status: 'open' },
    data: { status: 'replayed', resolvedAt: new Date() },
  });
  return { runId: again.runId };
}

/** Re-run from the start on the version deployed now in the run's environment: a new run. */
export async function rerunRun(deps: ActionDeps, opts: { runId: string; workspaceId: string }) {
  const run = await runOrThrow(deps.db, opts.runId, opts.workspaceId);
  if (!FINISHED.includes(run.status))
    throw new ActionError(
      'CONFLICT',
      `The run is still ${run.status}; cancel it first or wait for it to finish.`,
    );
  const again = await engine(() => runAgain(deps, { runId: run.id, fromFailedStep: false }));
  return { runId: again.runId };
}

/**
 * Asks the workflow to cancel (it records the cancelled status itself). A run whose workflow Temporal
 * no longer knows (lost history, retention) is closed here instead, so it cannot stay "running" forever.
 */
export async function cancelRun(deps: ActionDeps, opts: { runId: string; workspaceId: string }) {
  const run = await runOrThrow(deps.db, opts.runId, opts.workspaceId);
  if (!ACTIVE.includes(run.status))
    throw new ActionError(
      'CONFLICT',
      `The run already finished (${run.status.replace('_', ' ')}); there is nothing to cancel.`,
    );
  try {
    await engine(() => engineCancel(deps, run.id));
    return { runId: run.id };
  } catch (err) {
    // By name: the engine may resolve its own copy of @temporalio/client.
    if ((err as Error).name !== 'WorkflowNotFoundError') throw err;
  }
  const now = new Date();
  await deps.db.$transaction([
    deps.db.approval.updateMany({
      where: { runId: run.id, status: 'pending' },
      data: { status: 'expired', decidedAt: now, comment: 'Run cancelled' },
    }),
    deps.db.run.update({
      where: { id: run.id },
      data: { status: 'cancelled', finishedAt: now, durationMs: now.getTime() - run.startedAt.getTime() },
    }),
  ]);
  return { runId: run.id };
}

export async function decideApproval(
  deps: ActionDeps,
  opts: {
    approvalId: string;
    workspaceId: string;
    approved: boolean;
    comment: string;
    user: { id: string; email: string };
  },
) {
  const approval = await deps.db.approval.findFirst({
    where: { id: opts.approvalId, run: { environment: { workspaceId: opts.workspaceId } } },
  });
  if (!approval) throw new ActionError('NOT_FOUND', 'That approval does not exist.');
  if (approval.status !== 'pending')
    throw new ActionError('CONFLICT', `This approval was already ${approval.status}; refresh the inbox.`);
  if (approval.expiresAt && approval.expiresAt <= new Date()) {
    throw new ActionError(
      'CONFLICT',
      'This approval expired before the decision; the flow applied its timeout rule.',
    );
  }
  await engine(() =>
    engineDecide(deps, {
      approvalId: approval.id,
      approved: opts.approved,
      userId: opts.user.id,
      userEmail: opts.user.email,
      ...(opts.comment ? { comment: opts.comment } : {}),
    }),
  );
  return {
    before: approval,
    after: await deps.db.approval.findUniqueOrThrow({ where: { id: approval.id } }),
  };
}

/**
 * Replays open dead letters. `deployed` starts a new run of each event on the version deployed now
 * (after a mapping fix); `pinned` retries each run from its failed step on the version it ran.
 * Reports per dead letter: one that could not start stays open with the reason.
 */
export async function replayDeadLetters(
  deps: ActionDeps,
  opts: { ids: string[]; workspaceId: string; version: 'pinned' | 'deployed' },
) {
  const letters = await deps.db.deadLetter.findMany({
    where: { id: { in: opts.ids }, status: 'open', run: { environment: { workspaceId: opts.workspaceId } } },
  });
  if (letters.length !== opts.ids.length) throw new ActionError('CONFLICT', STALE);
  const results: Array<{ deadLetterId: string; runId?: string; error?: string }> = [];
  if (opts.version === 'deployed') results.push(...(await engineReplay(deps, opts.ids)));
  else {
    for (const runId of new Set(letters.map((l) => l.runId))) {
      const ids = letters.filter((l) => l.runId === runId).map((l) => l.id);
      try {
        const again = await runAgain(deps, { runId, fromFailedStep: true });
        await deps.db.deadLetter.updateMany({
          where: { id: { in: ids } },
          data: { status: 'replayed', resolvedAt: new Date() },
        });
        results.push(...ids.map((deadLetterId) => ({ deadLetterId, runId: again.runId })));
      } catch (err) {
        results.push(...ids.map((deadLetterId) => ({ deadLetterId, error: (err as Error).message })));
      }
    }
  }
  const failed = results.filter((r) => r.error);
  return {
    replayed: results.length - failed.length,
    runIds: [...new Set(results.flatMap((r) => (r.runId ? [r.runId] : [])))],
    failed,
  };
}

export async function discardDeadLetters(db: Db, opts: { ids: string[]; workspaceId: string; note: string }) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.deadLetter.updateMany({
      where: {
        id: { in: opts.ids },
        status: 'open',
        run: { environment: { workspaceId: opts.workspaceId } },
      },
      data: { status: 'discarded', note: opts.note, resolvedAt: new Date() },
    });
    // Throwing rolls the whole batch back, so a stale selection discards nothing.
    if (count !== opts.ids.length) throw new ActionError('CONFLICT', STALE);
    return { discarded: count };
  });
}
