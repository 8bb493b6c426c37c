export { createActivities, type Activities, type ActivityDeps } from './activities';
export { createWorkers, workflowsPath } from './worker';
