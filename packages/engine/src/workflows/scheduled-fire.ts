// One fire of a schedule trigger's Temporal Schedule: record the run (an activity that first checks the
// version is still deployed), then start it. `firedAt` is the fire's scheduled time, which the Schedule
// stamps on the workflow it starts; a workflow started any other way (a test, a manual start) uses its own
// start time. Both are fixed for the workflow's life, so a replay or an activity retry sees the same key.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ScheduledFireRequest } from '../activities/scheduled-fire';
import { startRecordedRuns } from './start-runs';

// A fire comes once a day perhaps, not every few seconds like a poll: ride out a database restart (~15 min).
const { recordScheduledFire } = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 20, maximumInterval: '1 minute' } });

const SCHEDULED_START_TIME = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export async function scheduledFire(req: ScheduledFireRequest): Promise<{ started: number }> {
  const info = workflowInfo();
  const firedAt = (info.typedSearchAttributes.get(SCHEDULED_START_TIME) ?? info.startTime).getTime();
  return startRecordedRuns(req.environment, await recordScheduledFire({ ...req, firedAt }));
}
