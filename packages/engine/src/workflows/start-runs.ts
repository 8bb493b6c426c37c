// Starting the runs an activity recorded (change-feed polls, schedule fires) as child flowRuns that outlive
// the starting workflow. A child already started under the same id (a retried start) is not an error.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import type { RecordedRun, StartEnvironment } from '../client/start';
import { flowRunInput } from '../client/flow-input';

export async function startRecordedRuns(environment: StartEnvironment, runs: RecordedRun[]): Promise<{ started: number }> {
  for (const r of runs) {
    try {
      await startChild('flowRun', { workflowId: r.workflowId, args: [flowRunInput(environment, r)], parentClosePolicy: ParentClosePolicy.ABANDON });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  return { started: runs.length };
}
