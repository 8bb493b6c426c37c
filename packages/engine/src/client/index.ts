// The engine as the designer sees it: ingress, starting runs, and run actions. No worker code here, so
// importing it never pulls Temporal's native worker into a web bundle.
export { authenticateStreakWebhook, ingestStreakWebhook, parseStreakDelivery, STREAK_EVENTS, type IngressAnswer, type IngressDeps, type AuthenticatedEnvironment } from './ingress';
export { deployedFlows, forgetDeployments, matchWebhook, type DeployedFlow } from './deployments';
export { searchKeysOf } from '../search-keys';
export { planRuns, queuedRunRow, recordQueuedRuns, startWorkflows, type PendingRun, type RecordedRun, type StartEnvironment } from './start';
export { streakEventKey } from './event-key';
export { FLOW_RUN_WORKFLOW, APPROVAL_SIGNAL, PROGRESS_QUERY, workflowIdFor, type FlowRunInput, type FlowRunTrigger } from './flow-input';
export { authSettings, SECRET_FIELD, type ConnectorKindName } from '../connections';
export { explainFailure } from '../suggestions';
export { redactSecrets, forHistory } from '../redact';
export type { RunRecord, StepRecord, StepError, RunStatusName } from '../types';
export type { EnvironmentVariables, RunScope } from '../scope';
export { decideApproval, cancelRun, runAgain, replayDeadLetters, RunActionError, type ActionDeps } from './actions';
export { changeFeedRequest, triggerSchedule, scheduleIdFor, CHANGE_FEED_WORKFLOW, SCHEDULED_FIRE_WORKFLOW, type TriggerSchedule } from './schedules';
export { startTestRun, testRunProgress, testWorkflowId } from './test-runs';
export { saveFlowVersion, deployVersion, undeploy, DeployError, type DeployContext } from './deploy';
export { registerStreakWebhooks, removeStreakWebhooks, streakWebhookTriggers, type WebhookTarget, type WebhookTriggerNode } from './streak-webhooks';
export { connectorCatalog } from './catalog';
export { openDeadLetters } from '../dead-letter-backlog';
export { temporalEnvShape, temporalEnvProblem, temporalConnectionOptions, type TemporalEnv } from '../temporal-connection';
export type { RunProgress } from '../workflows/flow-run';
export { manualFlows, startManualRun, ManualRunError } from './manual-run';
