// validateFlow: every problem of a flow graph, each located by node/edge id and field. Never throws.
import { type Type } from '@conduit/mapping';
import { type Catalog } from './catalog';
import { checkNode, resolve } from './nodes';
import { type Problem } from './problems';
import { type FlowGraph, FlowGraphSchema } from './schema';
import { type Resolved, scopeTypes } from './scope';
import { checkStructure, type Structure } from './structure';

export interface Analysis {
  problems: Problem[];
  graph?: FlowGraph;
  structure?: Structure;
  resolved?: Resolved;
  /** Type of `{ trigger, steps }` as each node sees it; only when the structure is sound. */
  scopes?: Map<string, Type>;
}

export function validateFlow(graph: unknown, catalog: Catalog): Problem[] {
  return analyzeFlow(graph, catalog).problems;
}

export function analyzeFlow(input: unknown, catalog: Catalog): Analysis {
  const parsed = FlowGraphSchema.safeParse(input);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => locate(input, i.path, i.message)) };
  const graph = parsed.data;
  const problems: Problem[] = [];
  const { problems: structural, structure } = checkStructure(graph);
  problems.push(...structural);
  const resolved = resolve(graph.nodes, catalog, problems);
  // Types need a sound structure (ancestors, loop bodies); without it, nodes are still checked untyped.
  const scopes = structure ? scopeTypes(structure, resolved) : undefined;
  for (const n of graph.nodes) checkNode(n, scopes?.get(n.id), resolved, problems);
  return { problems, graph, ...(structure ? { structure } : {}), resolved, ...(scopes ? { scopes } : {}) };
}

/** What each node's expressions can read, as types — for the designer's field pickers and autocomplete.
 * Empty when the graph's structure is broken (cycles, unknown edge ends). */
export function scopeTypesOf(graph: unknown, catalog: Catalog): ReadonlyMap<string, Type> {
  return analyzeFlow(graph, catalog).scopes ?? new Map();
}

/** Turns a schema issue path like nodes.3.config.inputs into the node id + field the designer highlights. */
function locate(input: unknown, path: PropertyKey[], message: string): Problem {
  const [list, index, ...rest] = path;
  const item = (list === 'nodes' || list === 'edges') && typeof index === 'number' ? elementOf(input, list, index) : undefined;
  const id = item && typeof item.id === 'string' ? item.id : undefined;
  const field = (item ? rest : path).map(String).join('.');
  const where = item && !id ? `${String(list)}[${String(index)}]${field ? `.${field}` : ''}: ` : '';
  return { ...(id && list === 'nodes' ? { nodeId: id } : {}), ...(id && list === 'edges' ? { edgeId: id } : {}), ...(field ? { field } : {}), severity: 'error', message: `${where}${message}` };
}

function elementOf(input: unknown, list: 'nodes' | 'edges', index: number): Record<string, unknown> | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const arr = (input as Record<string, unknown>)[list];
  const el: unknown = Array.isArray(arr) ? arr[index] : undefined;
  return typeof el === 'object' && el !== null ? (el as Record<string, unknown>) : undefined;
}
