// Public surface of @conduit/flow: the flow language (schema, validation, compiler, versions). See README.md.
export {
  FlowGraphSchema,
  NodeSchema,
  EdgeSchema,
  TriggerConfigSchema,
  RetrySchema,
  ConnectorRefSchema,
  NODE_KINDS,
  LOOP_PORT,
  portsOf,
  parseConnectorRef,
  type FlowGraph,
  type FlowNode,
  type FlowEdge,
  type NodeKind,
  type NodeOf,
  type TriggerConfig,
  type Retry,
} from './schema';
export { type Catalog, type ActionInfo, type TriggerInfo } from './catalog';
export { type Problem, hasErrors } from './problems';
export { validateFlow, scopeTypesOf } from './validate';
export { compileFlow, type CompileResult } from './compile';
export { type Plan, type PlanStep, type Incoming, type ResolvedAction } from './plan';
export { createFlowVersion, hashFlow, type FlowVersion } from './version';
export { preparePlan, type PreparedPlan } from './prepare';
export { OUTPUT_TYPES } from './scope';
export { reachableFrom, findCycles, topologicalOrder, type GraphLike, type TraverseOptions } from './graph';
export { canonicalJson } from './canonical';
export { isTimeZone, nextFireTimes, parseCron, type Cron, type CronParse } from './cron';
export { sha256Hex } from './sha256';
export { catalogFromDescriptions, isReadAction, requiredOf, type DescribedConnector } from './describe-catalog';
export { preparedPlanFor } from './prepared-cache';
