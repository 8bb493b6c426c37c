// The sample scope a step sees: the trigger's pinned sample and the outputs of the steps before it —
// map steps evaluated here with @conduit/mapping (the same evaluator the engine uses), connector steps
// from the last test run.
import { topologicalOrder } from '@conduit/flow';
import { compileMapping, evaluate, type MappingSpec } from '@conduit/mapping';
import type { Draft } from '../flow-editor/model/draft';

export interface SampleScope {
  trigger: unknown;
  steps: Record<string, unknown>;
}

/** Ids of the steps before `nodeId`, in run order (for-each loop-back edges ignored). */
export function ancestorsOf(d: Pick<Draft, 'nodes' | 'edges'>, nodeId: string): string[] {
  const into = new Map<string, string[]>();
  for (const e of d.edges) if (e.targetPort !== 'loop') into.set(e.target, [...(into.get(e.target) ?? []), e.source]);
  const seen = new Set<string>();
  const stack = [...(into.get(nodeId) ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(into.get(id) ?? []));
  }
  const order = topologicalOrder(d, { skipEdge: (e) => e.targetPort === 'loop' }) ?? d.nodes.map((n) => n.id);
  return order.filter((id) => seen.has(id));
}

export function sampleScope(o: { draft: Draft; nodeId: string; runOutputs: Record<string, unknown>; now: number }): SampleScope {
  const trigger = o.draft.nodes.find((n) => n.kind === 'trigger');
  const scope: SampleScope = { trigger: trigger ? o.draft.samples?.[trigger.id] : undefined, steps: {} };
  for (const id of ancestorsOf(o.draft, o.nodeId)) {
    const n = o.draft.nodes.find((x) => x.id === id);
    if (!n || n.kind === 'trigger') continue;
    if (n.kind === 'map') {
      try {
        scope.steps[id] = evaluate(compileMapping(n.config.mapping as MappingSpec), scope, { now: o.now }).value;
      } catch {
        // An incomplete mapping has no preview; its problems are listed on that step.
      }
    } else if (o.runOutputs[id] !== undefined) scope.steps[id] = o.runOutputs[id];
  }
  return scope;
}
