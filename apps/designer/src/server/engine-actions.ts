// The one place the designer asks the engine to act on runs, approvals, dead letters and deployments.
// Each function makes the database side of the change in one transaction and reports what it did.
// Engine calls (Temporal signals/starts) join here when @conduit/engine exports them; see docs/operate.md.
import type { Db, Prisma, Run, RunStatus, SecretBox } from '@conduit/db';
import { registerStreakWebhooks, removeStreakWebhooks, streakWebhookTriggers } from './connections';

export type ActionErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'BAD_REQUEST' | 'PRECONDITION_FAILED';

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

const FINISHED: RunStatus[] = ['succeeded', 'failed', 'dead_lettered', 'cancelled'];
const ACTIVE: RunStatus[] = ['queued', 'running', 'waiting'];

type Tx = Prisma.TransactionClient;

async function runOrThrow(tx: Tx, runId: string, workspaceId: string) {
  const run = await tx.run.findFirst({ where: { id: runId, environment: { workspaceId } } });
  if (!run)
    throw new ActionError(
      'NOT_FOUND',
      'That run does not exist (it may have been pruned by the retention policy).',
    );
  return run;
}

/** Retry from the failed step: the run keeps its pinned version; its open dead letters count as replayed. */
export async function retryRun(db: Db, opts: { runId: string; workspaceId: string }) {
  return db.$transaction(async (tx) => {
    const run = await runOrThrow(tx, opts.runId, opts.workspaceId);
    if (run.status !== 'failed' && run.status !== 'dead_lettered') {
      throw new ActionError(
        'CONFLICT',
        `Only failed runs can be retried; this one is ${run.status.replace('_', ' ')}.`,
      );
    }
    await tx.deadLetter.updateMany({
      where: { runId: run.id, status: 'open' },
      data: { status: 'replayed', resolvedAt: new Date() },
    });
    return tx.run.update({
      where: { id: run.id },
      data: { status: 'queued', error: null, finishedAt: null, durationMs: null },
    });
  });
}

/** Re-run from the start with the version currently deployed in the run's environment: a new run. */
/**
 * A new run of the same event on the version deployed now (so a fixed mapping takes effect); write
 * nodes' idempotency keys make repeating the steps that already succeeded safe.
 */
async function freshRun(tx: Tx, run: Run, triggerKind: 'rerun' | 'replay') {
  const deployment = await tx.deployment.findFirst({
    where: { environmentId: run.environmentId, flowId: run.flowId, active: true },
    orderBy: { deployedAt: 'desc' },
  });
  if (!deployment)
    throw new ActionError(
      'PRECONDITION_FAILED',
      'This flow is not deployed in the run’s environment any more; deploy it, then try again.',
    );
  const id = crypto.randomUUID();
  return tx.run.create({
    data: {
      id,
      environmentId: run.environmentId,
      flowId: run.flowId,
      flowVersionId: deployment.flowVersionId,
      workflowId: `${run.flowId}:${run.eventKey}:${triggerKind}:${id}`,
      eventKey: run.eventKey,
      triggerKind,
      status: 'queued',
      searchKeys: run.searchKeys,
    },
  });
}

/** Re-run from the start with the version currently deployed in the run's environment: a new run. */
export async function rerunRun(db: Db, opts: { runId: string; workspaceId: string }) {
  return db.$transaction(async (tx) => {
    const run = await runOrThrow(tx, opts.runId, opts.workspaceId);
    if (!FINISHED.includes(run.status))
      throw new ActionError(
        'CONFLICT',
        `The run is still ${run.status}; cancel it first or wait for it to finish.`,
      );
    return freshRun(tx, run, 'rerun');
  });
}

export async function cancelRun(db: Db, opts: { runId: string; workspaceId: string }) {
  return db.$transaction(async (tx) => {
    const run = await runOrThrow(tx, opts.runId, opts.workspaceId);
    if (!ACTIVE.includes(run.status))
      throw new ActionError(
        'CONFLICT',
        `The run already finished (${run.status.replace('_', ' ')}); there is nothing to cancel.`,
      );
    const now = new Date();
    await tx.approval.updateMany({
      where: { runId: run.id, status: 'pending' },
      data: { status: 'expired', decidedAt: now, comment: 'Run cancelled' },
    });
    return tx.run.update({
      where: { id: run.id },
      data: { status: 'cancelled', finishedAt: now, durationMs: now.getTime() - run.startedAt.getTime() },
    });
  });
}

export async function decideApproval(
  db: Db,
  opts: { approvalId: string; workspaceId: string; approved: boolean; comment: string; userId: string },
) {
  return db.$transaction(async (tx) => {
    const approval = await tx.approval.findFirst({
      where: { id: opts.approvalId, run: { environment: { workspaceId: opts.workspaceId } } },
    });
    if (!approval) throw new ActionError('NOT_FOUND', 'That approval does not exist.');
    if (approval.status !== 'pending')
      throw new ActionError('CONFLICT', `This approval was already ${approval.status}; refresh the inbox.`);
    if (approval.expiresAt && approval.expiresAt <= new Date())
      throw new ActionError(
        'CONFLICT',
        'This approval expired before the decision; the flow applied its timeout rule.',
      );
    // The guard in `where` makes two simultaneous decisions impossible: the second updates nothing.
    const { count } = await tx.approval.updateMany({
      where: { id: approval.id, status: 'pending' },
      data: {
        status: opts.approved ? 'approved' : 'rejected',
        decidedById: opts.userId,
        decidedAt: new Date(),
        comment: opts.comment || null,
      },
    });
    if (count === 0)
      throw new ActionError('CONFLICT', 'Someone decided this approval a moment ago; refresh the inbox.');
    return { before: approval, after: await tx.approval.findUniqueOrThrow({ where: { id: approval.id } }) };
  });
}

/**
 * Replays open dead letters. `pinned` retries each run from its failed step on the version it ran;
 * `deployed` starts a new run of the same event on the version deployed now (after a mapping fix).
 */
export async function replayDeadLetters(
  db: Db,
  opts: { ids: string[]; workspaceId: string; version: 'pinned' | 'deployed' },
) {
  return db.$transaction(async (tx) => {
    const letters = await tx.deadLetter.findMany({
      where: {
        id: { in: opts.ids },
        status: 'open',
        run: { environment: { workspaceId: opts.workspaceId } },
      },
      include: { run: true },
    });
    if (letters.length !== opts.ids.length)
      throw new ActionError(
        'CONFLICT',
        'Some of these dead letters were already replayed or discarded; refresh and select again.',
      );
    await tx.deadLetter.updateMany({
      where: { id: { in: opts.ids } },
      data: { status: 'replayed', resolvedAt: new Date() },
    });
    const runs = [...new Map(letters.map((l) => [l.runId, l.run])).values()];
    if (opts.version === 'deployed') {
      const started = [];
      for (const run of runs) started.push((await freshRun(tx, run, 'replay')).id);
      return { replayed: letters.length, runIds: started };
    }
    await tx.run.updateMany({
      where: { id: { in: runs.map((r) => r.id) } },
      data: { status: 'queued', error: null, finishedAt: null, durationMs: null },
    });
    return { replayed: letters.length, runIds: runs.map((r) => r.id) };
  });
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
    if (count !== opts.ids.length)
      throw new ActionError(
        'CONFLICT',
        'Some of these dead letters were already replayed or discarded; refresh and select again.',
      );
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
  const warnings = await removeWebhooksOf(c, {
    environmentId: opts.environmentId,
    graph: active.flowVersion.graph,
    keys: active.webhookKeys,
  });
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
