// Starts runs that were recorded queued but whose start never reached Temporal: the webhook ingress answers
// before it starts them (client/starter.ts), so a designer that dies or an engine that is down in between
// leaves them queued. Each is started under the workflow id it was recorded with (environment + flow + event
// key), so a run whose start did happen only answers "already started": sweeping twice is harmless.
import type { Db } from '@conduit/db';
import type { Client } from '@temporalio/client';
import { log } from '@conduit/telemetry';
import { connectorPayload } from './client/ingress';
import { startWorkflows, type RecordedRun, type StartEnvironment } from './client/start';
import { triggerNode } from './client/trigger-node';
import type { FlowRunTrigger } from './client/flow-input';
import type { EnvironmentVariables } from './scope';

export interface SweepDeps {
  db: Db;
  temporal: () => Promise<Client>;
}

export interface SweepOptions {
  /** The task queues this process serves; only their environments' runs are swept. */
  taskQueues: string[];
  /** A run queued for less than this is still being started by whoever recorded it. */
  olderThanMs: number;
  limit?: number;
  /** Runs already seen with a workflow (skipped). */
  skip?: Iterable<string>;
}

interface QueuedRow {
  id: string;
  workflow_id: string;
  flow_id: string;
  flow_version_id: string;
  event_key: string;
  trigger_kind: FlowRunTrigger['kind'];
  environment_id: string;
  environment_key: string;
  task_queue: string;
  variables: EnvironmentVariables;
  event_type: string;
  payload: Record<string, unknown>;
  plan: unknown;
  graph: unknown;
}

/** One pass: starts the oldest queued runs of triggered events. `confirmed`: runs whose workflow now exists. */
export async function sweepQueuedRuns(deps: SweepDeps, options: SweepOptions): Promise<{ found: number; started: number; failed: number; confirmed: string[] }> {
  // Only runs under their derived workflow id, which are the ones the trigger paths record; a "run again"
  // (its own id suffix, perhaps resuming from a failed step) is started or deleted by the action itself.
  const rows = await deps.db.$queryRaw<QueuedRow[]>`
    SELECT r.id, r.workflow_id, r.flow_id, r.flow_version_id, r.event_key, r.trigger_kind,
           e.id AS environment_id, e.key AS environment_key, e.task_queue, e.variables, w.event_type, w.payload, v.plan, v.graph
    FROM run r
    JOIN environment e ON e.id = r.environment_id
    JOIN webhook_event w ON w.environment_id = r.environment_id AND w.event_key = r.event_key
    JOIN flow_version v ON v.id = r.flow_version_id
    WHERE r.status = 'queued' AND r.trigger_kind IN ('webhook', 'changeFeed', 'schedule')
      AND r.started_at < now() - make_interval(secs => ${options.olderThanMs / 1000})
      AND e.task_queue = ANY(${options.taskQueues})
      AND r.workflow_id = 'run:' || e.key || ':' || r.flow_id || ':' || r.event_key
      AND NOT (r.id = ANY(${[...(options.skip ?? [])]}::uuid[]))
    ORDER BY r.started_at
    LIMIT ${options.limit ?? 200}`;
  let started = 0;
  let failed = 0;
  const confirmed: string[] = [];
  const byEnvironment = new Map<string, QueuedRow[]>();
  for (const r of rows) {
    const same = byEnvironment.get(r.environment_id);
    if (same) same.push(r);
    else byEnvironment.set(r.environment_id, [r]);
  }
  for (const envRows of byEnvironment.values()) {
    const first = envRows[0]!;
    const env: StartEnvironment = { id: first.environment_id, key: first.environment_key, taskQueue: first.task_queue, variables: first.variables };
    const result = await startWorkflows(deps.temporal, env, envRows.map(recordedRun));
    started += result.started;
    failed += result.failed;
    // Which of a batch failed is not reported; a failed batch is simply tried again next time.
    if (!result.failed) confirmed.push(...envRows.map((r) => r.id));
  }
  return { found: rows.length, started, failed, confirmed };
}

function recordedRun(r: QueuedRow): RecordedRun {
  const trigger = r.trigger_kind === 'webhook' ? triggerNode(r.graph)?.config : undefined;
  const payload = trigger ? connectorPayload(trigger, r.event_type, r.payload) : r.payload;
  return { runId: r.id, workflowId: r.workflow_id, flow: { flowId: r.flow_id, versionId: r.flow_version_id, plan: r.plan }, trigger: { kind: r.trigger_kind, event: r.event_type, eventKey: r.event_key, payload } };
}

/** A run confirmed to have a workflow is looked at again after this long (it may still be queued behind a backlog). */
const RECHECK_MS = 60 * 60_000;

/** Sweeps every `everyMs` until stopped. */
export function startQueuedRunSweeper(deps: SweepDeps, options: { taskQueues: string[]; everyMs?: number; olderThanMs?: number }): { stop(): Promise<void> } {
  const confirmed = new Map<string, number>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;
  const sweep = async () => {
    const now = Date.now();
    for (const [id, at] of confirmed) if (now - at > RECHECK_MS) confirmed.delete(id);
    try {
      const r = await sweepQueuedRuns(deps, { taskQueues: options.taskQueues, olderThanMs: options.olderThanMs ?? 30_000, skip: confirmed.keys() });
      for (const id of r.confirmed) confirmed.set(id, now);
      if (r.started || r.failed) log.warn('queued runs whose start was lost', { started: r.started, failed: r.failed });
    } catch (error) {
      log.warn('queued-run sweep failed; trying again', { error: error instanceof Error ? error.message : String(error) });
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      sweeping = sweep().finally(schedule);
    }, options.everyMs ?? 15_000);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await sweeping;
    },
  };
}
