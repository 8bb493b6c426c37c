// Structural rules of a flow graph: ids, one trigger, valid edges and ports, no cycles except a
// for-each body looping back, every node reachable, for-each bodies entered only through the for-each.
import { findCycles, reachableFrom, topologicalOrder, type GraphEdge } from './graph';
import { type Problem } from './problems';
import { type FlowEdge, type FlowGraph, type FlowNode, LOOP_PORT, portsOf } from './schema';

export interface Structure {
  nodes: Map<string, FlowNode>;
  trigger: FlowNode;
  /** Edges that passed the checks; loop-back edges included. */
  edges: FlowEdge[];
  /** Topological order of all nodes, ignoring loop-back edges. */
  order: string[];
  /** Body of each for-each: nodes reachable from its `each` port. */
  bodies: Map<string, Set<string>>;
  /** Innermost for-each whose body holds a node. */
  loopOf: Map<string, string>;
  isLoopBack: (e: GraphEdge) => boolean;
}

export function checkStructure(graph: FlowGraph): { problems: Problem[]; structure?: Structure } {
  const problems: Problem[] = [];
  const nodes = new Map<string, FlowNode>();
  for (const n of graph.nodes) {
    if (nodes.has(n.id)) problems.push({ nodeId: n.id, field: 'id', severity: 'error', message: `node id '${n.id}' is used by more than one node` });
    nodes.set(n.id, n);
  }
  const edgeIds = new Set<string>();
  for (const e of graph.edges) {
    if (edgeIds.has(e.id)) problems.push({ edgeId: e.id, field: 'id', severity: 'error', message: `edge id '${e.id}' is used by more than one edge` });
    edgeIds.add(e.id);
  }
  const triggers = graph.nodes.filter((n) => n.kind === 'trigger');
  if (triggers.length === 0) problems.push({ severity: 'error', message: 'the flow needs a trigger node' });
  triggers.slice(1).forEach((t) => problems.push({ nodeId: t.id, field: 'kind', severity: 'error', message: `a flow has exactly one trigger; '${triggers[0]!.id}' is already the trigger` }));
  const edges = graph.edges.filter((e) => checkEdge(e, nodes, problems));
  if (problems.length) return { problems };

  const isLoopBack = (e: GraphEdge) => e.targetPort === LOOP_PORT && nodes.get(e.target)?.kind === 'forEach';
  const g = { nodes: graph.nodes, edges };
  for (const cycle of findCycles(g, { skipEdge: isLoopBack })) {
    const path = [...cycle, cycle[0]].join(' → ');
    for (const id of cycle) problems.push({ nodeId: id, severity: 'error', message: `node is part of a cycle (${path}); only a for-each body may loop back, into the for-each's '${LOOP_PORT}' port` });
  }
  const trigger = triggers[0]!;
  const reachable = reachableFrom(g, [trigger.id]);
  for (const n of graph.nodes) if (!reachable.has(n.id)) problems.push({ nodeId: n.id, severity: 'error', message: `node '${n.label || n.id}' cannot be reached from the trigger` });
  const { bodies, loopOf } = checkLoops(graph, edges, isLoopBack, problems);
  const order = topologicalOrder(g, { skipEdge: isLoopBack });
  if (problems.length || !order) return { problems };
  return { problems, structure: { nodes, trigger, edges, order, bodies, loopOf, isLoopBack } };
}

function checkEdge(e: FlowEdge, nodes: Map<string, FlowNode>, problems: Problem[]): boolean {
  const source = nodes.get(e.source);
  const target = nodes.get(e.target);
  const report = (field: string, message: string) => {
    problems.push({ edgeId: e.id, field, severity: 'error', message });
    return false;
  };
  if (!source) return report('source', `edge starts at node '${e.source}', which does not exist`);
  if (!target) return report('target', `edge ends at node '${e.target}', which does not exist`);
  if (e.source === e.target) return report('target', `edge connects node '${e.source}' to itself`);
  const out = portsOf(source).outputs;
  if (!out.includes(e.sourcePort)) return report('sourcePort', `node '${e.source}' (${source.kind}) has no output port '${e.sourcePort}' (it has: ${out.join(', ')})`);
  const inputs = portsOf(target).inputs;
  if (!inputs.includes(e.targetPort)) return report('targetPort', inputs.length ? `node '${e.target}' (${target.kind}) has no input port '${e.targetPort}' (it has: ${inputs.join(', ')})` : `nothing can lead into the trigger '${e.target}'`);
  return true;
}

function checkLoops(graph: FlowGraph, edges: FlowEdge[], isLoopBack: (e: GraphEdge) => boolean, problems: Problem[]) {
  const g = { nodes: graph.nodes, edges };
  const bodies = new Map<string, Set<string>>();
  const loopOf = new Map<string, string>();
  for (const f of graph.nodes.filter((n) => n.kind === 'forEach')) {
    const from = (port: string) => edges.filter((e) => e.source === f.id && e.sourcePort === port).map((e) => e.target);
    const body = reachableFrom(g, from('each'), { skipEdge: isLoopBack });
    const after = reachableFrom(g, from('done'), { skipEdge: isLoopBack });
    bodies.set(f.id, body);
    for (const id of body) {
      if (after.has(id)) problems.push({ nodeId: id, severity: 'error', message: `node is both inside the for-each '${f.id}' (its 'each' port) and after it (its 'done' port)` });
      const current = loopOf.get(id);
      if (current === undefined || bodies.get(current)!.has(f.id)) loopOf.set(id, f.id);
    }
    for (const e of edges) {
      if (body.has(e.target) && !body.has(e.source) && e.source !== f.id) {
        problems.push({ edgeId: e.id, nodeId: e.target, severity: 'error', message: `edge enters the body of for-each '${f.id}' from outside it; connect through the for-each's 'each' port` });
      }
    }
  }
  for (const e of edges.filter(isLoopBack)) {
    if (loopOf.get(e.source) !== e.target) problems.push({ edgeId: e.id, field: 'target', severity: 'error', message: `only nodes directly inside for-each '${e.target}' can connect back to its '${LOOP_PORT}' port` });
  }
  return { bodies, loopOf };
}
