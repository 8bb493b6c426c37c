// The zod-free part of @conduit/flow that workflow code needs: prepared plans and their types, hashing and
// canonical JSON (idempotency keys, link references). Validation and compilation happen when a version is
// saved (see index.ts); workflow code imports this entry so the workflow bundle carries no zod.
export { preparedPlanFor } from './prepared-cache';
export { preparePlan, type PreparedPlan } from './prepare';
export { type Plan, type PlanStep, type Incoming, type ResolvedAction } from './plan';
export { type Retry, type TriggerConfig } from './schema';
export { sha256Hex } from './sha256';
export { canonicalJson } from './canonical';
