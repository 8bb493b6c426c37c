// One firing of a change-feed Schedule: poll once (an activity that records events, queued runs and the
// cursor together), then start a flowRun per new event. The runs outlive this workflow.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ChangeFeedPollRequest } from '../activities/change-feed';
import type { FlowRunInput } from '../client/flow-input';

const { pollChangeFeed } = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', heartbeatTimeout: '1 minute', retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['PermanentError'] } });

export async function changeFeedPoll(req: ChangeFeedPollRequest): Promise<{ started: number }> {
  const runs = await pollChangeFeed(req);
  for (const r of runs) {
    const input: FlowRunInput = { runId: r.runId, environment: { id: req.environment.id, key: req.environment.key, variables: req.environment.variables }, flowId: r.flow.flowId, versionId: r.flow.versionId, plan: r.flow.plan, trigger: r.trigger };
    try {
      await startChild('flowRun', { workflowId: r.workflowId, args: [input], parentClosePolicy: ParentClosePolicy.ABANDON });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  return { started: runs.length };
}
