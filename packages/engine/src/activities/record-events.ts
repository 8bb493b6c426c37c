// Trigger events the engine itself produces (change-feed rows it polls, schedule fires): each is recorded
// once per environment (the event table's unique key drops a re-delivery or a retried activity), with a
// queued run for the flow, or a dropped one when it only echoes our own write. A Temporal Schedule can
// outlive its deployment (an undeploy that could not reach Temporal), so both paths first ask whether the
// version they were deployed with is still the live one.
import type { Db } from '@conduit/db';
import { log, runsStarted } from '@conduit/telemetry';
import { planRuns, queuedRunRow, type RecordedRun, type StartEnvironment } from '../client/start';
import { droppedRunRow, type Echo } from './echo';

/** A deployed flow version in an environment, as its Temporal Schedule's action carries it. */
export interface DeployedTarget {
  environment: StartEnvironment;
  flowId: string;
  versionId: string;
  plan: unknown;
}

export interface EngineEvent {
  eventKey: string;
  payload: unknown;
  /** Set when the event shows our own last write: recorded as a dropped run, nothing started. */
  echo?: Echo;
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** True while `versionId` is the active deployment of the flow in the environment; otherwise logs why not. */
export async function stillDeployed(db: Db, target: DeployedTarget, trigger: 'changeFeed' | 'schedule'): Promise<boolean> {
  const live = await db.deployment.findFirst({ where: { environmentId: target.environment.id, flowId: target.flowId, active: true }, select: { flowVersionId: true } });
  if (live?.flowVersionId === target.versionId) return true;
  log.info('trigger fired for a version that is not deployed; nothing recorded', { environment: target.environment.key, flowId: target.flowId, versionId: target.versionId, deployedVersionId: live?.flowVersionId ?? null, trigger });
  return false;
}

/** Records new events and their runs (call inside the caller's transaction); returns the runs to start. */
export async function recordEngineEvents(tx: Tx, target: DeployedTarget, options: { trigger: 'changeFeed' | 'schedule'; eventType: string; events: EngineEvent[] }): Promise<RecordedRun[]> {
  const fresh: RecordedRun[] = [];
  for (const e of options.events) {
    const inserted = await tx.$executeRaw`
      INSERT INTO webhook_event (id, environment_id, event_key, event_type, payload, runs_started)
      VALUES (gen_random_uuid(), ${target.environment.id}::uuid, ${e.eventKey}, ${options.eventType}, ${JSON.stringify(e.payload)}::jsonb, ${e.echo ? 0 : 1})
      ON CONFLICT (environment_id, event_key) DO NOTHING`;
    if (inserted === 0) continue;
    const [run] = planRuns(target.environment, [{ flow: { flowId: target.flowId, versionId: target.versionId, plan: target.plan }, trigger: { kind: options.trigger, event: options.eventType, eventKey: e.eventKey, payload: e.payload } }]);
    if (!run) continue;
    if (e.echo) {
      await tx.run.create({ data: droppedRunRow(queuedRunRow(target.environment, run), e.echo) });
      continue;
    }
    await tx.run.create({ data: queuedRunRow(target.environment, run) });
    fresh.push(run);
  }
  return fresh;
}

/** Counted once the recording transaction committed: the calling workflow starts each as a child flowRun. */
export function countStarted(environment: StartEnvironment, runs: RecordedRun[]): void {
  for (const run of runs) runsStarted.inc({ environment: environment.key, flow_id: run.flow.flowId, trigger: run.trigger.kind });
}
