// Every workflow the worker registers. Workflow code is deterministic: see the lint override for this folder.
export { healthCheck } from './health';
export { flowRun, forEachBatch, progressQuery, type RunOutcome, type RunProgress } from './flow-run';
export { changeFeedPoll } from './change-feed';
export { scheduledFire } from './scheduled-fire';
