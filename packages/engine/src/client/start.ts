// Starting runs: the Run row is written first (status queued, in the caller's transaction), then the
// workflow is started under an id derived from environment + flow + event key, so starting twice is a
// no-op. A queued run whose start failed or never happened is started by the worker's sweeper (../sweeper.ts).
import { randomUUID } from 'node:crypto';
import type { Db } from '@conduit/db';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { currentTraceId, log, runsStarted } from '@conduit/telemetry';
import type { DeployedFlow } from './deployments';
import { FLOW_RUN_WORKFLOW, flowRunInput, workflowIdFor, type FlowRunInput, type FlowRunTrigger } from './flow-input';
import type { EnvironmentVariables } from '../scope';
import { searchKeysOf } from '../search-keys';

export interface PendingRun {
  flow: Pick<DeployedFlow, 'flowId' | 'versionId' | 'plan'>;
  trigger: FlowRunTrigger;
}

export interface StartEnvironment {
  id: string;
  key: string;
  taskQueue: string;
  variables: EnvironmentVariables;
}

export interface RecordedRun extends PendingRun {
  runId: string;
  workflowId: string;
}

type RunWriter = Pick<Db, 'run'>;

/** Gives each pending run its id and workflow id (derived from environment + flow + event key). */
export function planRuns(env: StartEnvironment, runs: PendingRun[], options: { workflowIdSuffix?: string } = {}): RecordedRun[] {
  return runs.map((r) => ({
    ...r,
    runId: randomUUID(),
    workflowId: workflowIdFor({ environmentKey: env.key, flowId: r.flow.flowId, eventKey: r.trigger.eventKey }) + (options.workflowIdSuffix ?? ''),
  }));
}

/** The Run row of a planned run, status queued. */
export function queuedRunRow(env: StartEnvironment, r: RecordedRun) {
  return {
    id: r.runId,
    environmentId: env.id,
    flowId: r.flow.flowId,
    flowVersionId: r.flow.versionId,
    workflowId: r.workflowId,
    eventKey: r.trigger.eventKey,
    triggerKind: r.trigger.kind,
    status: 'queued' as const,
    searchKeys: searchKeysOf(r.trigger.payload),
    // The caller's trace (the webhook ingress span) is the run's trace; null while tracing is off.
    traceId: currentTraceId() ?? null,
  };
}

/** Writes queued Run rows (call inside the transaction that records the event). */
export async function recordQueuedRuns(db: RunWriter, env: StartEnvironment, runs: PendingRun[], options: { workflowIdSuffix?: string } = {}): Promise<RecordedRun[]> {
  const recorded = planRuns(env, runs, options);
  if (recorded.length) await db.run.createMany({ data: recorded.map((r) => queuedRunRow(env, r)) });
  return recorded;
}

/** Runs of polls and schedule fires count as started once recorded (record-events.ts); a sweeper start of one must not count it again. */
const COUNTED_WHEN_RECORDED = new Set<FlowRunInput['trigger']['kind']>(['changeFeed', 'schedule']);

export async function startWorkflows(temporal: () => Promise<Client>, env: StartEnvironment, runs: RecordedRun[], resume?: FlowRunInput['resume']): Promise<{ started: number; failed: number; errors: string[] }> {
  if (!runs.length) return { started: 0, failed: 0, errors: [] };
  let client: Client;
  try {
    client = await temporal();
  } catch (error) {
    return { started: 0, failed: runs.length, errors: [error instanceof Error ? error.message : String(error)] };
  }
  const results = await Promise.allSettled(
    runs.map((r) => {
      return client.workflow.start(FLOW_RUN_WORKFLOW, { taskQueue: env.taskQueue, workflowId: r.workflowId, args: [flowRunInput(env, r, resume)], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    }),
  );
  for (const [i, r] of results.entries()) {
    const run = runs[i];
    if (r.status !== 'fulfilled' || !run) continue;
    if (!COUNTED_WHEN_RECORDED.has(run.trigger.kind)) runsStarted.inc({ environment: env.key, flow_id: run.flow.flowId, trigger: run.trigger.kind });
    log.info('run started', { runId: run.runId, workflowId: run.workflowId, flowId: run.flow.flowId, environment: env.key, trigger: run.trigger.kind });
  }
  const errors = results.flatMap((r) => (r.status === 'rejected' && !(r.reason instanceof WorkflowExecutionAlreadyStartedError) ? [String(r.reason instanceof Error ? r.reason.message : r.reason)] : []));
  return { started: results.filter((r) => r.status === 'fulfilled').length, failed: errors.length, errors };
}
