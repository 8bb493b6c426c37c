// The engine as the worker process sees it. Designer-side code imports @conduit/engine/client instead.
export { createActivities, parseSmtpUrl, type Activities, type ActivityDeps, type MailTransport } from './activities';
export { createWorkers, productionBundle, workflowsPath } from './worker';
export { createConnectorRegistry, CONNECTORS } from './registry';
export { openDeadLetters } from './dead-letter-backlog';
export { startQueuedRunSweeper, sweepQueuedRuns } from './sweeper';
export { temporalEnvShape, temporalEnvProblem, temporalConnectionOptions, type TemporalEnv, type TemporalConnectionOptions } from './temporal-connection';
export type { RunOutcome, RunProgress } from './workflows/flow-run';
