// The engine as the worker process sees it. Designer-side code imports @conduit/engine/client instead.
export { createActivities, type Activities, type ActivityDeps } from './activities';
export { createWorkers, productionBundle, workflowsPath } from './worker';
export { createConnectorRegistry, CONNECTORS } from './registry';
export type { RunOutcome, RunProgress } from './workflows/flow-run';
