// preparePlan compiles a saved version's mappings and expressions once, so each run only evaluates them.
// Runs inside workflow code: it imports the zod-free runtime of @conduit/mapping and types only.
import { compileExpression, type CompiledExpression, compileValidMapping, type CompiledMapping } from '@conduit/mapping/runtime';
import { expressionsOf } from './expressions';
import { type Plan, type PlanStep } from './plan';
import { type TriggerConfig } from './schema';

export interface PreparedPlan {
  plan: Plan;
  /** Every step by id, for-each bodies included. */
  steps: ReadonlyMap<string, PlanStep>;
  /** The compiled mapping of a map step or the inputs of a lookup/write step. */
  mapping(stepId: string): CompiledMapping;
  /** A compiled expression of the plan, by its source text. */
  expression(source: string): CompiledExpression;
}

/** Compiles all mappings and expressions of a plan up front; throws only if the plan did not come from compileFlow
 * (its mappings were checked there, so they are not shape-validated again here). */
export function preparePlan(plan: Plan): PreparedPlan {
  const steps = new Map<string, PlanStep>();
  const walk = (list: PlanStep[]) => list.forEach((s) => (steps.set(s.id, s), s.kind === 'forEach' && walk(s.body)));
  walk(plan.steps);
  const mappings = new Map<string, CompiledMapping>();
  const expressions = new Map<string, CompiledExpression>();
  const addExpr = (src: string | undefined) => src !== undefined && !expressions.has(src) && expressions.set(src, compileExpression(src));
  addExpr(triggerFilter(plan.trigger.config));
  for (const s of steps.values()) {
    if (s.kind === 'map') mappings.set(s.id, compileValidMapping(s.mapping));
    if (s.kind === 'lookup' || s.kind === 'write') mappings.set(s.id, compileValidMapping(s.inputs));
    for (const { source } of expressionsOf(s.kind, s)) addExpr(source);
  }
  return {
    plan,
    steps,
    mapping: (id) => mappings.get(id) ?? missing(`step '${id}' has no mapping`),
    expression: (src) => expressions.get(src) ?? missing(`expression "${src}" is not part of this plan`),
  };
}

const triggerFilter = (c: TriggerConfig): string | undefined => (c.type === 'webhook' || c.type === 'changeFeed' ? c.filter : undefined);

function missing(message: string): never {
  throw new Error(message);
}
