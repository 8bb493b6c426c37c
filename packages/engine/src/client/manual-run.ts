// Starting a deployed flow by hand (a manual trigger, e.g. the Customer 360 first-time bulk sync): the run
// is recorded queued, then started under its own event key, exactly like a run from any other trigger.
import { randomUUID } from 'node:crypto';
import type { Db } from '@conduit/db';
import type { Client } from '@temporalio/client';
import { deployedFlows, forgetDeployments } from './deployments';
import { recordQueuedRuns, startWorkflows } from './start';
import type { EnvironmentVariables } from '../scope';

export class ManualRunError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'BAD_REQUEST' | 'SERVICE_UNAVAILABLE',
    message: string,
  ) {
    super(message);
    this.name = 'ManualRunError';
  }
}

/** Flows deployed in the environment whose trigger is manual (they can be started from the designer). */
export async function manualFlows(db: Db, environmentId: string): Promise<string[]> {
  forgetDeployments(environmentId);
  return (await deployedFlows(db, environmentId)).filter((f) => f.trigger.type === 'manual').map((f) => f.flowId);
}

export async function startManualRun(
  deps: { db: Db; temporal: () => Promise<Client> },
  req: { environmentId: string; flowId: string; payload?: Record<string, unknown>; startedBy?: string },
): Promise<{ runId: string }> {
  const env = await deps.db.environment.findUnique({ where: { id: req.environmentId } });
  if (!env) throw new ManualRunError('NOT_FOUND', 'That environment does not exist.');
  // A person just deployed it, perhaps: read the deployments afresh rather than from the short cache.
  forgetDeployments(env.id);
  const flow = (await deployedFlows(deps.db, env.id)).find((f) => f.flowId === req.flowId);
  if (!flow) throw new ManualRunError('NOT_FOUND', `The flow is not deployed in ${env.name}; deploy it there first.`);
  if (flow.trigger.type !== 'manual') throw new ManualRunError('BAD_REQUEST', `This flow starts on its ${flow.trigger.type} trigger, not by hand.`);
  const environment = { id: env.id, key: env.key, taskQueue: env.taskQueue, variables: (env.variables ?? {}) as EnvironmentVariables };
  const payload = { ...req.payload, ...(req.startedBy ? { startedBy: req.startedBy } : {}), startedAt: new Date().toISOString() };
  const [run] = await recordQueuedRuns(deps.db, environment, [{ flow, trigger: { kind: 'manual', eventKey: `manual:${randomUUID()}`, payload } }]);
  if (!run) throw new ManualRunError('NOT_FOUND', 'No run was recorded.');
  const started = await startWorkflows(deps.temporal, environment, [run]);
  // The queued run stays in the history; starting the flow again gives it another run.
  if (started.failed) throw new ManualRunError('SERVICE_UNAVAILABLE', `The engine could not start the run (${started.errors.join('; ')}); try again shortly.`);
  return { runId: run.runId };
}
