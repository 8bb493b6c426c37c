// Flow versions: graph + plan + content hash, frozen. And preparePlan, which compiles a version's
// mappings and expressions once so each run only evaluates them.
import { compileExpression, type CompiledExpression, compileMapping, type CompiledMapping } from '@conduit/mapping';
import { canonicalJson } from './canonical';
import { type Catalog } from './catalog';
import { compileFlow } from './compile';
import { type Plan, type PlanStep } from './plan';
import { type Problem } from './problems';
import { type FlowGraph, FlowGraphSchema, type TriggerConfig } from './schema';
import { sha256Hex } from './sha256';
import { expressionsOf } from './nodes';

export interface FlowVersion {
  /** sha256 of the canonical JSON of the parsed graph (positions and labels included: it is the stored content). */
  readonly hash: string;
  readonly graph: FlowGraph;
  readonly plan: Plan;
}

/** Stable content hash of a graph: sha256 hex of its canonical JSON. */
export function hashFlow(graph: FlowGraph): string {
  return sha256Hex(canonicalJson(graph));
}

export function createFlowVersion(graph: unknown, catalog: Catalog): { ok: true; version: FlowVersion; warnings: Problem[] } | { ok: false; problems: Problem[] } {
  const compiled = compileFlow(graph, catalog);
  if (!compiled.ok) return compiled;
  const parsed = FlowGraphSchema.parse(graph);
  return { ok: true, version: deepFreeze({ hash: hashFlow(parsed), graph: parsed, plan: compiled.plan }), warnings: compiled.warnings };
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

export interface PreparedPlan {
  plan: Plan;
  /** Every step by id, for-each bodies included. */
  steps: ReadonlyMap<string, PlanStep>;
  /** The compiled mapping of a map step or the inputs of a lookup/write step. */
  mapping(stepId: string): CompiledMapping;
  /** A compiled expression of the plan, by its source text. */
  expression(source: string): CompiledExpression;
}

/** Compiles all mappings and expressions of a plan up front; throws only if the plan did not come from compileFlow. */
export function preparePlan(plan: Plan): PreparedPlan {
  const steps = new Map<string, PlanStep>();
  const walk = (list: PlanStep[]) => list.forEach((s) => (steps.set(s.id, s), s.kind === 'forEach' && walk(s.body)));
  walk(plan.steps);
  const mappings = new Map<string, CompiledMapping>();
  const expressions = new Map<string, CompiledExpression>();
  const addExpr = (src: string | undefined) => src !== undefined && !expressions.has(src) && expressions.set(src, compileExpression(src));
  addExpr(triggerFilter(plan.trigger.config));
  for (const s of steps.values()) {
    if (s.kind === 'map') mappings.set(s.id, compileMapping(s.mapping));
    if (s.kind === 'lookup' || s.kind === 'write') mappings.set(s.id, compileMapping(s.inputs));
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
