// The record a write step works on behalf of, for pairing in the link table: the item of the innermost
// for-each around the step when that item is a connector record (a bulk sync over Sage customers), else
// the trigger's record (a Streak organization event, a Sage customer change).
import type { PlanStep, PreparedPlan } from '@conduit/flow';
import { type RecordRef, recordRefOf } from '../echo-refs';
import type { RunScope } from '../scope';

const SYSTEMS = ['streak', 'sage100'];
const refOf = (value: unknown) => SYSTEMS.map((s) => recordRefOf(s, value)).find((r) => r !== undefined);

/** Ids of the for-each steps enclosing `stepId`, outermost first (undefined when it is not in `steps`). */
function enclosing(steps: PlanStep[], stepId: string): string[] | undefined {
  for (const s of steps) {
    if (s.id === stepId) return [];
    if (s.kind !== 'forEach') continue;
    const inner = enclosing(s.body, stepId);
    if (inner) return [s.id, ...inner];
  }
  return undefined;
}

export function echoSource(prepared: PreparedPlan, scope: RunScope, stepId: string): { source: RecordRef } | Record<string, never> {
  for (const loop of (enclosing(prepared.plan.steps, stepId) ?? []).reverse()) {
    const ref = refOf((scope.steps[loop] as { item?: unknown } | undefined)?.item);
    if (ref) return { source: ref };
  }
  const ref = refOf(scope.trigger);
  return ref ? { source: ref } : {};
}
