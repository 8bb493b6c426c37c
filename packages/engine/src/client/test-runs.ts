// Test runs of a draft: the real interpreter on the real worker of an unprotected environment, against the
// environment's connections, but with no version, no run history and no waiting (see TEST_RUN_NOTES).
// The designer follows them through the workflow's progress query.
import { randomUUID } from 'node:crypto';
import type { Plan } from '@conduit/flow';
import type { Client } from '@temporalio/client';
import type { RunProgress } from '../workflows/flow-run';
import { FLOW_RUN_WORKFLOW, PROGRESS_QUERY, type FlowRunInput } from './flow-input';
import type { StartEnvironment } from './start';

export const testWorkflowId = (runId: string) => `test:${runId}`;

export async function startTestRun(client: Client, options: { environment: StartEnvironment; flowId: string; plan: Plan; payload: unknown }): Promise<{ runId: string }> {
  const runId = randomUUID();
  const input: FlowRunInput = {
    runId,
    environment: { id: options.environment.id, key: options.environment.key, variables: options.environment.variables },
    flowId: options.flowId,
    // A draft has no version; the run id keys the compiled-plan cache instead.
    versionId: `test:${runId}`,
    plan: options.plan,
    trigger: { kind: 'test', eventKey: `test-${runId}`, payload: options.payload },
  };
  await client.workflow.start(FLOW_RUN_WORKFLOW, { taskQueue: options.environment.taskQueue, workflowId: testWorkflowId(runId), args: [input], workflowExecutionTimeout: '10 minutes' });
  return { runId };
}

/** Live while the run goes on, final once it ended (a query of a closed workflow replays its history). */
export async function testRunProgress(client: Client, runId: string): Promise<RunProgress | undefined> {
  try {
    return await client.workflow.getHandle(testWorkflowId(runId)).query<RunProgress>(PROGRESS_QUERY);
  } catch (error) {
    if ((error as { name?: string }).name === 'WorkflowNotFoundError') return undefined;
    throw error;
  }
}
