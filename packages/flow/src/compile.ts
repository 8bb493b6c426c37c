// compileFlow: a valid canvas graph → the executable plan (topological order, resolved actions,
// branch structure as `after` edges, for-each bodies nested).
import { type Catalog } from './catalog';
import { type Incoming, type Plan, type PlanStep } from './plan';
import { hasErrors, type Problem } from './problems';
import { type FlowNode, parseConnectorRef } from './schema';
import { type Structure } from './structure';
import { analyzeFlow } from './validate';

export type CompileResult = { ok: true; plan: Plan; warnings: Problem[] } | { ok: false; problems: Problem[] };

export function compileFlow(graph: unknown, catalog: Catalog): CompileResult {
  const a = analyzeFlow(graph, catalog);
  if (hasErrors(a.problems) || !a.structure || !a.resolved) return { ok: false, problems: a.problems };
  const s = a.structure;
  const trigger = s.trigger;
  if (trigger.kind !== 'trigger') return { ok: false, problems: a.problems };
  const stepsIn = (loop: string | undefined): PlanStep[] =>
    s.order
      .filter((id) => id !== trigger.id && s.loopOf.get(id) === loop)
      .map((id) => toStep(s.nodes.get(id)!, s, a.resolved!.actions, stepsIn));
  return { ok: true, plan: { schemaVersion: 1, trigger: { id: trigger.id, label: trigger.label, config: trigger.config }, steps: stepsIn(undefined) }, warnings: a.problems };
}

function toStep(n: FlowNode, s: Structure, actions: Map<string, { kind: 'read' | 'write' }>, stepsIn: (loop: string) => PlanStep[]): PlanStep {
  const after: Incoming[] = s.edges.filter((e) => e.target === n.id && !s.isLoopBack(e)).map((e) => ({ from: e.source, port: e.sourcePort }));
  const base = { id: n.id, label: n.label, after };
  switch (n.kind) {
    case 'map':
      return { ...base, kind: 'map', mapping: n.config.mapping };
    case 'lookup':
    case 'write': {
      const { connector: ref, action: key, ...rest } = n.config;
      const { connector, version } = parseConnectorRef(ref);
      return { ...base, kind: n.kind, ...rest, action: { ref, connector, version, key, kind: actions.get(n.id)!.kind } };
    }
    case 'condition':
      return { ...base, kind: 'condition', expression: n.config.expression };
    case 'switch':
      return { ...base, kind: 'switch', cases: n.config.cases };
    case 'approval':
      return { ...base, kind: 'approval', ...n.config, approvers: n.config.approvers ?? [] };
    case 'forEach':
      return { ...base, kind: 'forEach', ...n.config, body: stepsIn(n.id) };
    case 'delay':
      return { ...base, kind: 'delay', ...n.config };
    case 'notify':
      return { ...base, kind: 'notify', ...n.config };
    case 'trigger':
      throw new Error('a flow has one trigger; structure checks guarantee it is not a step');
  }
}
