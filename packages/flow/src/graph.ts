// Graph helpers for flows: the only place reachability, cycles and topological order are computed.
// They work on any node/edge lists (also invalid ones), so validation can use them before anything is known to be sound.
export interface GraphLike {
  nodes: ReadonlyArray<{ id: string }>;
  edges: ReadonlyArray<{ id: string; source: string; sourcePort: string; target: string; targetPort: string }>;
}

export type GraphEdge = GraphLike['edges'][number];

export interface TraverseOptions {
  /** Edges to ignore (e.g. for-each loop-back edges). */
  skipEdge?: (e: GraphEdge) => boolean;
}

export function outgoing(g: GraphLike, opts: TraverseOptions = {}): Map<string, GraphEdge[]> {
  const out = new Map<string, GraphEdge[]>(g.nodes.map((n) => [n.id, []]));
  for (const e of g.edges) if (!opts.skipEdge?.(e)) out.get(e.source)?.push(e);
  return out;
}

/** Node ids reachable from `starts` (including them) following edges forward. */
export function reachableFrom(g: GraphLike, starts: Iterable<string>, opts: TraverseOptions = {}): Set<string> {
  const out = outgoing(g, opts);
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of out.get(id) ?? []) if (!seen.has(e.target)) stack.push(e.target);
  }
  return seen;
}

/** Strongly connected components that form cycles (size > 1, or a node with an edge to itself). Iterative Tarjan. */
export function findCycles(g: GraphLike, opts: TraverseOptions = {}): string[][] {
  const out = outgoing(g, opts);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of g.nodes.map((n) => n.id)) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work.at(-1)!;
      const edges = out.get(frame.id) ?? [];
      if (frame.next < edges.length) {
        const w = edges[frame.next++]!.target;
        if (!out.has(w)) continue;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, next: 0 });
        } else if (onStack.has(w)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.id);
        const selfLoop = edges.some((e) => e.target === frame.id);
        if (component.length > 1 || selfLoop) cycles.push(component.reverse());
      }
    }
  }
  return cycles;
}

/** Kahn's algorithm; ties keep the order of `g.nodes`, so the result is stable. Undefined if there is a cycle. */
export function topologicalOrder(g: GraphLike, opts: TraverseOptions = {}): string[] | undefined {
  const out = outgoing(g, opts);
  const position = new Map(g.nodes.map((n, i) => [n.id, i]));
  const indegree = new Map(g.nodes.map((n) => [n.id, 0]));
  for (const edges of out.values()) for (const e of edges) if (indegree.has(e.target)) indegree.set(e.target, indegree.get(e.target)! + 1);
  const ready = g.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (ready.length) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const id = ready.shift()!;
    order.push(id);
    for (const e of out.get(id) ?? []) {
      const d = indegree.get(e.target);
      if (d === undefined) continue;
      indegree.set(e.target, d - 1);
      if (d === 1) ready.push(e.target);
    }
  }
  return order.length === indegree.size ? order : undefined;
}
