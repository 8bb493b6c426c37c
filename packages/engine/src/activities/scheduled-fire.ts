// One fire of a schedule trigger: the run is recorded under an event key made of the flow and the fire's
// scheduled time, so a retried activity or a fire delivered twice finds the event already recorded and
// starts nothing. The trigger's output is `{ firedAt }` (epoch ms), as the flow language types it.
import type { Db } from '@conduit/db';
import type { RecordedRun } from '../client/start';
import { countStarted, type DeployedTarget, recordEngineEvents, stillDeployed } from './record-events';

export type ScheduledFireRequest = DeployedTarget;

export const scheduleEventKey = (options: { flowId: string; firedAt: number }) => `schedule:${options.flowId}:${new Date(options.firedAt).toISOString()}`;

export async function recordScheduledFire(db: Db, req: ScheduledFireRequest & { firedAt: number }): Promise<RecordedRun[]> {
  if (!(await stillDeployed(db, req, 'schedule'))) return [];
  const events = [{ eventKey: scheduleEventKey(req), payload: { firedAt: req.firedAt } }];
  const recorded = await db.$transaction((tx) => recordEngineEvents(tx, req, { trigger: 'schedule', eventType: 'schedule', events }));
  countStarted(req.environment, recorded);
  return recorded;
}
