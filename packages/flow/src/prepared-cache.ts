// Prepared plans by version id. Versions are immutable, so compiled mappings can be shared by all runs
// that share this module instance. Temporal's sandbox gives each run its own instance today, so the
// cache pays off once the engine can preload this module (see packages/engine/src/worker.ts).
import { type Plan } from './plan';
import { preparePlan, type PreparedPlan } from './version';

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
