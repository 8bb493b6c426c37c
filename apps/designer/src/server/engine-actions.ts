// The one place the designer asks the engine to act on runs, approvals, dead letters and deployments.
// Run actions check that the run is in the caller's workspace and in a state that allows the action,
// then go through @conduit/engine/client (which records runs and talks to Temporal). Deployments are
// database rows plus the Streak webhooks they register.
import {
  cancelRun as engineCancel,
  forgetDeployments,
  changeFeedRequest,
  hasChangeFeedTrigger,
  upsertChangeFeedSchedule,
  removeChangeFeedSchedule,
  type EnvironmentVariables,
  decideApproval as engineDecide,
  replayDeadLetters as engineReplay,
  runAgain,
  RunActionError,
  type ActionDeps,
} from '@conduit/engine/client';
import type { Db, RunStatus, SecretBox } from '@conduit/db';
import type { Client } from '@temporalio/client';
import { registerStreakWebhooks, removeStreakWebhooks, streakWebhookTriggers } from './connections';

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

export interface DeployContext {
  db: Db;
  secrets: SecretBox;
  workspaceId: string;
  userId: string;
  /** The designer's public base URL; Streak posts events to it. */
  publicUrl: string;
  /** Temporal, for change-feed schedules; deployments of webhook-triggered flows do not need it. */
  temporal?: () => Promise<Client>;
}

/** Creates or replaces the Temporal Schedule that polls a change-feed trigger, before the deployment is written. */
async function scheduleChangeFeed(c: DeployContext, environment: { id: string; key: string; name: string; taskQueue: string; variables: unknown }, version: { id: string; flowId: string; graph: unknown; plan: unknown }) {
  const feed = changeFeedRequest({ environment: { id: environment.id, key: environment.key, taskQueue: environment.taskQueue, variables: (environment.variables ?? {}) as EnvironmentVariables }, flowId: version.flowId, versionId: version.id, graph: version.graph, plan: version.plan });
  if (!feed) return;
  if (!c.temporal) throw new ActionError('SERVICE_UNAVAILABLE', 'This flow polls a change feed, which needs the engine; start it and deploy again.');
  try {
    await upsertChangeFeedSchedule(await c.temporal(), feed);
  } catch (err) {
    throw new ActionError('SERVICE_UNAVAILABLE', `The engine did not take the change-feed schedule for ${environment.name} (${(err as Error).message}); deploy again once it is reachable.`);
  }
}

async function streakConnectionOf(db: Db, environmentId: string) {
  return db.connection.findFirst({ where: { environmentId, kind: 'streak' }, orderBy: { createdAt: 'asc' } });
}

/**
 * Makes a version the active one of its flow in an environment. New Streak webhooks are registered
 * before anything is written (a refusal leaves the old deployment untouched); the old deployment's
 * webhooks are removed afterwards. Returns warnings a person should see (e.g. a webhook left behind).
 */
export async function deployVersion(
  c: DeployContext,
  opts: { environmentId: string; flowVersionId: string },
) {
  const environment = await c.db.environment.findFirst({
    where: { id: opts.environmentId, workspaceId: c.workspaceId },
  });
  if (!environment) throw new ActionError('NOT_FOUND', 'That environment does not exist.');
  const version = await c.db.flowVersion.findFirst({
    where: { id: opts.flowVersionId, flow: { workspaceId: c.workspaceId } },
  });
  if (!version) throw new ActionError('NOT_FOUND', 'That flow version does not exist.');
  let webhookKeys: string[] = [];
  if (streakWebhookTriggers(version.graph).length > 0) {
    const row = await streakConnectionOf(c.db, environment.id);
    if (!row)
      throw new ActionError(
        'PRECONDITION_FAILED',
        `This flow starts on Streak events: add a Streak connection to ${environment.name} first, then deploy.`,
      );
    const target = {
      targetUrl: `${c.publicUrl.replace(/\/$/, '')}/api/hooks/streak/${environment.key}/${environment.webhookEndpointId}`,
      token: c.secrets.decrypt(environment.webhookSecretEnc),
    };
    try {
      webhookKeys = await registerStreakWebhooks({ row, secrets: c.secrets, graph: version.graph, target });
    } catch (err) {
      throw new ActionError(
        'PRECONDITION_FAILED',
        `Streak refused the webhook for ${environment.name}: ${(err as Error).message}. Test the Streak connection, then deploy again.`,
      );
    }
  }
  await scheduleChangeFeed(c, environment, version);
  const { previous, deployment } = await c.db.$transaction(async (tx) => {
    const previous = await tx.deployment.findFirst({
      where: { environmentId: environment.id, flowId: version.flowId, active: true },
      include: { flowVersion: true },
    });
    if (previous)
      await tx.deployment.update({
        where: { id: previous.id },
        data: { active: false, undeployedAt: new Date() },
      });
    const deployment = await tx.deployment.create({
      data: {
        environmentId: environment.id,
        flowId: version.flowId,
        flowVersionId: version.id,
        webhookKeys,
        deployedById: c.userId,
      },
    });
    return { previous, deployment };
  });
  // The webhook ingress caches which versions are live; make it look again now.
  forgetDeployments(environment.id);
  const warnings = previous
    ? await removeWebhooksOf(c, {
        environmentId: environment.id,
        graph: previous.flowVersion.graph,
        keys: previous.webhookKeys,
      })
    : [];
  return { environment, version, previous, deployment, warnings };
}

/** Stops a flow in an environment: the active deployment is closed and its webhooks removed. */
export async function undeploy(c: DeployContext, opts: { environmentId: string; flowId: string }) {
  const active = await c.db.deployment.findFirst({
    where: {
      environmentId: opts.environmentId,
      flowId: opts.flowId,
      active: true,
      environment: { workspaceId: c.workspaceId },
    },
    include: { flowVersion: true },
  });
  if (!active) throw new ActionError('CONFLICT', 'This flow is not deployed in that environment.');
  await c.db.deployment.update({
    where: { id: active.id },
    data: { active: false, undeployedAt: new Date() },
  });
  forgetDeployments(opts.environmentId);
  const warnings = await removeWebhooksOf(c, {
    environmentId: opts.environmentId,
    graph: active.flowVersion.graph,
    keys: active.webhookKeys,
  });
  if (c.temporal && hasChangeFeedTrigger(active.flowVersion.graph)) {
    const environment = await c.db.environment.findUniqueOrThrow({ where: { id: opts.environmentId }, select: { key: true } });
    try {
      await removeChangeFeedSchedule(await c.temporal(), { environmentKey: environment.key, flowId: opts.flowId });
    } catch (err) {
      warnings.push(`The change-feed schedule could not be removed (${(err as Error).message}); it polls until removed, and its runs find no deployment.`);
    }
  }
  return { deployment: active, warnings };
}

async function removeWebhooksOf(
  c: DeployContext,
  opts: { environmentId: string; graph: unknown; keys: string[] },
): Promise<string[]> {
  if (opts.keys.length === 0) return [];
  const row = await streakConnectionOf(c.db, opts.environmentId);
  if (!row)
    return [
      `The Streak connection is gone, so webhooks ${opts.keys.join(', ')} could not be removed; delete them in Streak.`,
    ];
  try {
    await removeStreakWebhooks({ row, secrets: c.secrets, graph: opts.graph, keys: opts.keys });
    return [];
  } catch (err) {
    return [
      `Streak webhooks ${opts.keys.join(', ')} could not be removed (${(err as Error).message}); delete them in Streak.`,
    ];
  }
}
