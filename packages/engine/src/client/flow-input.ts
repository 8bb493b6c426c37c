// What a flowRun workflow is started with. Everything it needs travels in the input (the immutable plan
// included), so a run makes no extra round trip to load its version.
import type { EnvironmentVariables } from '../scope';

export interface FlowRunTrigger {
  kind: 'webhook' | 'changeFeed' | 'schedule' | 'manual' | 'test';
  event?: string;
  eventKey: string;
  payload: unknown;
}

export interface FlowRunInput {
  runId: string;
  environment: { id: string; key: string; variables: EnvironmentVariables };
  flowId: string;
  versionId: string;
  /** FlowVersion.plan as stored (the compiled, immutable plan). */
  plan: unknown;
  trigger: FlowRunTrigger;
  /** Outputs of steps that already succeeded in an earlier attempt (retry from the failed step). */
  resume?: { outputs: Record<string, unknown> };
}

/** The input of a recorded run's flowRun (from the client, or as a child of a poll or schedule fire). */
export function flowRunInput(
  environment: { id: string; key: string; variables: EnvironmentVariables },
  run: { runId: string; flow: { flowId: string; versionId: string; plan: unknown }; trigger: FlowRunTrigger },
  resume?: FlowRunInput['resume'],
): FlowRunInput {
  return { runId: run.runId, environment: { id: environment.id, key: environment.key, variables: environment.variables }, flowId: run.flow.flowId, versionId: run.flow.versionId, plan: run.flow.plan, trigger: run.trigger, ...(resume ? { resume } : {}) };
}

export const FLOW_RUN_WORKFLOW = 'flowRun';
export const APPROVAL_SIGNAL = 'approvalDecision';
export const PROGRESS_QUERY = 'progress';

export function workflowIdFor(options: { environmentKey: string; flowId: string; eventKey: string }): string {
  return `run:${options.environmentKey}:${options.flowId}:${options.eventKey}`;
}
