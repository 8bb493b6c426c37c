// Compiled plans per version. Versions are immutable, so sharing compiled closures between workflow
// executions in one worker is deterministic; the cap keeps memory bounded.
import { preparePlan, type Plan, type PreparedPlan } from '@conduit/flow';

const MAX = 200;
const cache = new Map<string, PreparedPlan>();

export function prepared(versionId: string, plan: unknown): PreparedPlan {
  let p = cache.get(versionId);
  if (!p) {
    p = preparePlan(plan as Plan);
    if (cache.size >= MAX) cache.delete(cache.keys().next().value as string);
    cache.set(versionId, p);
  }
  return p;
}
