// One firing of a change-feed Schedule: poll once (an activity that records events, queued runs and the
// cursor together), then start a flowRun per new event. The runs outlive this workflow.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ChangeFeedPollRequest } from '../activities/change-feed';
import { startRecordedRuns } from './start-runs';

const { pollChangeFeed } = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', heartbeatTimeout: '1 minute', retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['PermanentError'] } });

export async function changeFeedPoll(req: ChangeFeedPollRequest): Promise<{ started: number }> {
  return startRecordedRuns(req.environment, await pollChangeFeed(req));
}
