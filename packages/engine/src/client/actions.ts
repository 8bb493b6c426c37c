// What people do to runs from the designer: decide approvals, cancel, retry from the failed step,
// re-run with the deployed version, replay dead letters. Each writes its DB effect and talks to Temporal.
import type { Db } from '@conduit/db';
import type { Client } from '@temporalio/client';
import { APPROVAL_SIGNAL, type FlowRunTrigger } from './flow-input';
import { recordQueuedRuns, startWorkflows, type StartEnvironment } from './start';
import type { EnvironmentVariables } from '../scope';

export interface ActionDeps {
  db: Db;
  temporal: () => Promise<Client>;
}

export class RunActionError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE',
    message: string,
  ) {
    super(message);
    this.name = 'RunActionError';
  }
}

export async function decideApproval(deps: ActionDeps, req: { approvalId: string; approved: boolean; comment?: string; userId: string; userEmail?: string }): Promise<void> {
  const approval = await deps.db.approval.findUnique({ where: { id: req.approvalId }, include: { run: { select: { workflowId: true } } } });
  if (!approval) throw new RunActionError('NOT_FOUND', 'This approval does not exist (any more).');
  const updated = await deps.db.approval.updateMany({
    where: { id: req.approvalId, status: 'pending' },
    data: { status: req.approved ? 'approved' : 'rejected', decidedById: req.userId, decidedAt: new Date(), comment: req.comment ?? null },
  });
  if (updated.count === 0) throw new RunActionError('CONFLICT', `This approval was already ${approval.status}; nothing was changed.`);
  try {
    const client = await deps.temporal();
    await client.workflow.getHandle(approval.run.workflowId).signal(APPROVAL_SIGNAL, { nodeId: approval.nodeId, approved: req.approved, by: req.userEmail ?? req.userId, ...(req.comment ? { comment: req.comment } : {}) });
  } catch (error) {
    // Put the approval back so the decision can be made again once the engine is reachable.
    await deps.db.approval.update({ where: { id: req.approvalId }, data: { status: 'pending', decidedById: null, decidedAt: null, comment: null } });
    throw new RunActionError('UNAVAILABLE', `The engine did not take the decision (${error instanceof Error ? error.message : String(error)}); try again.`);
  }
}

export async function cancelRun(deps: ActionDeps, runId: string): Promise<void> {
  const run = await deps.db.run.findUnique({ where: { id: runId } });
  if (!run) throw new RunActionError('NOT_FOUND', 'This run does not exist.');
  if (!['queued', 'running', 'waiting'].includes(run.status)) throw new RunActionError('CONFLICT', `The run already ended (${run.status}); nothing to cancel.`);
  const client = await deps.temporal();
  await client.workflow.getHandle(run.workflowId).cancel();
}

async function environmentOf(db: Db, environmentId: string): Promise<StartEnvironment> {
  const env = await db.environment.findUniqueOrThrow({ where: { id: environmentId } });
  return { id: env.id, key: env.key, taskQueue: env.taskQueue, variables: (env.variables ?? {}) as EnvironmentVariables };
}

async function triggerOf(db: Db, run: { id: string; eventKey: string; triggerKind: string; environmentId: string; flowVersionId: string }): Promise<FlowRunTrigger> {
  const version = await db.flowVersion.findUniqueOrThrow({ where: { id: run.flowVersionId }, select: { plan: true } });
  const triggerId = (version.plan as { trigger?: { id?: string } }).trigger?.id ?? 'trigger';
  const step = await db.runStep.findFirst({ where: { runId: run.id, nodeId: triggerId }, select: { output: true } });
  const event = step ? null : await db.webhookEvent.findUnique({ where: { environmentId_eventKey: { environmentId: run.environmentId, eventKey: run.eventKey } } });
  const payload = step?.output ?? event?.payload;
  if (payload === undefined || payload === null) throw new RunActionError('NOT_FOUND', 'The event that started this run is no longer stored (retention); it cannot be run again.');
  return { kind: run.triggerKind as FlowRunTrigger['kind'], eventKey: run.eventKey, payload, ...(event ? { event: event.eventType } : {}) };
}

/**
 * Starts a new run for the same event. `fromFailedStep`: same version, steps that succeeded are reused.
 * Otherwise the version deployed now in the run's environment (a fix deployed since) runs from the start;
 * write steps keep their idempotency keys (flow + event + node), so nothing already written is written twice.
 */
export async function runAgain(deps: ActionDeps, req: { runId: string; fromFailedStep: boolean }): Promise<{ runId: string; workflowId: string }> {
  const run = await deps.db.run.findUnique({ where: { id: req.runId }, include: { steps: { where: { status: 'succeeded' }, select: { nodeId: true, output: true } } } });
  if (!run) throw new RunActionError('NOT_FOUND', 'This run does not exist.');
  if (['queued', 'running', 'waiting'].includes(run.status)) throw new RunActionError('CONFLICT', 'The run is still going; cancel it first or wait for it to end.');
  const env = await environmentOf(deps.db, run.environmentId);
  const trigger = await triggerOf(deps.db, run);
  let versionId = run.flowVersionId;
  if (!req.fromFailedStep) {
    const deployed = await deps.db.deployment.findFirst({ where: { environmentId: run.environmentId, flowId: run.flowId, active: true }, orderBy: { deployedAt: 'desc' } });
    if (!deployed) throw new RunActionError('CONFLICT', `This flow is not deployed in ${env.key} any more; deploy it, then run again.`);
    versionId = deployed.flowVersionId;
  }
  const version = await deps.db.flowVersion.findUniqueOrThrow({ where: { id: versionId }, select: { plan: true } });
  const attempt = (await deps.db.run.count({ where: { environmentId: run.environmentId, flowId: run.flowId, eventKey: run.eventKey } })) + 1;
  const [again] = await recordQueuedRuns(deps.db, env, [{ flow: { flowId: run.flowId, versionId, plan: version.plan }, trigger }], { workflowIdSuffix: `:again-${attempt}` });
  if (!again) throw new Error('no run recorded');
  const resume = req.fromFailedStep ? { outputs: Object.fromEntries(run.steps.map((s) => [s.nodeId, s.output])) } : undefined;
  const started = await startWorkflows(deps.temporal, env, [again], resume);
  if (started.failed) {
    await deps.db.run.delete({ where: { id: again.runId } });
    throw new RunActionError('UNAVAILABLE', `The engine did not start the run (${started.errors.join('; ')}); try again.`);
  }
  return { runId: again.runId, workflowId: again.workflowId };
}

/** Replays dead letters with the deployed version; each is marked replayed once its new run started. */
export async function replayDeadLetters(deps: ActionDeps, ids: string[]): Promise<Array<{ deadLetterId: string; runId?: string; error?: string }>> {
  const results: Array<{ deadLetterId: string; runId?: string; error?: string }> = [];
  for (const id of ids) {
    const dl = await deps.db.deadLetter.findUnique({ where: { id } });
    if (!dl || dl.status !== 'open') {
      results.push({ deadLetterId: id, error: dl ? `already ${dl.status}` : 'not found' });
      continue;
    }
    try {
      const again = await runAgain(deps, { runId: dl.runId, fromFailedStep: false });
      await deps.db.deadLetter.update({ where: { id }, data: { status: 'replayed', resolvedAt: new Date() } });
      results.push({ deadLetterId: id, runId: again.runId });
    } catch (error) {
      results.push({ deadLetterId: id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
