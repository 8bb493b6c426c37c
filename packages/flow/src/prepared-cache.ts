// Prepared plans by version id. Versions are immutable, so compiled mappings are shared by all runs that
// share this module instance: the engine's worker preloads @conduit/flow/runtime, so that is every run on
// a workflow thread (see packages/engine/src/worker.ts).
import { type Plan } from './plan';
import { preparePlan, type PreparedPlan } from './prepare';

const MAX = 200;
const cache = new Map<string, PreparedPlan>();

export function preparedPlanFor(versionId: string, plan: unknown): PreparedPlan {
  let p = cache.get(versionId);
  if (!p) {
    p = preparePlan(plan as Plan);
    if (cache.size >= MAX) cache.delete(cache.keys().next().value as string);
    cache.set(versionId, p);
  }
  return p;
}
