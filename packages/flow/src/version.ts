// Flow versions: graph + plan + content hash, frozen.
import { canonicalJson } from './canonical';
import { type Catalog } from './catalog';
import { compileFlow } from './compile';
import { type Plan } from './plan';
import { type Problem } from './problems';
import { type FlowGraph, FlowGraphSchema } from './schema';
import { sha256Hex } from './sha256';

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
