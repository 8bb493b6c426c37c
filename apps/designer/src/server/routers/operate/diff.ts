// What a promotion changes: graph nodes and edges, mapping fields and environment variables. Works on
// stored JSON without parsing it strictly, so versions saved by older schema versions still diff.
export interface Change {
  key: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface VersionDiff {
  nodes: Array<Change & { label: string }>;
  edges: Change[];
  mappings: Array<Change & { nodeId: string }>;
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Compares two keyed collections. */
export function diffByKey<T>(before: Map<string, T>, after: Map<string, T>): Change[] {
  const out: Change[] = [];
  for (const [key, b] of before) {
    if (!after.has(key)) out.push({ key, kind: 'removed', before: b });
    else if (!same(b, after.get(key))) out.push({ key, kind: 'changed', before: b, after: after.get(key) });
  }
  for (const [key, a] of after) if (!before.has(key)) out.push({ key, kind: 'added', after: a });
  return out.sort((x, y) => x.key.localeCompare(y.key));
}

const byId = (items: unknown, id: (o: Obj) => string) =>
  new Map((Array.isArray(items) ? items : []).map((i) => [id(asObj(i)), asObj(i)]));

/** The mapping fields of a node (map nodes' `mapping`, connector calls' `inputs`), keyed by target. */
function mappingFields(node: Obj): Map<string, Obj> {
  const config = asObj(node.config);
  const spec = asObj(config.mapping ?? config.inputs);
  return byId(spec.fields, (f) => String(f.target));
}

/** Node position is layout, not behaviour: moving a box on the canvas is not a change worth promoting. */
const behaviour = (node: Obj) => {
  const { position: _position, ...rest } = node;
  return rest;
};

export function diffGraphs(before: unknown, after: unknown): VersionDiff {
  const b = asObj(before);
  const a = asObj(after);
  const nodesB = byId(b.nodes, (n) => String(n.id));
  const nodesA = byId(a.nodes, (n) => String(n.id));
  const strip = (m: Map<string, Obj>) => new Map([...m].map(([k, v]) => [k, behaviour(v)]));
  const nodes = diffByKey(strip(nodesB), strip(nodesA)).map((c) => ({
    ...c,
    label: String(asObj(c.after ?? c.before).label ?? c.key),
  }));
  const edgeKey = (e: Obj) =>
    `${String(e.source)}.${String(e.sourcePort)} → ${String(e.target)}.${String(e.targetPort)}`;
  const edges = diffByKey(byId(b.edges, edgeKey), byId(a.edges, edgeKey)).filter((c) => c.kind !== 'changed');
  const mappings = [...new Set([...nodesB.keys(), ...nodesA.keys()])].flatMap((nodeId) =>
    diffByKey(mappingFields(nodesB.get(nodeId) ?? {}), mappingFields(nodesA.get(nodeId) ?? {})).map((c) => ({
      ...c,
      nodeId,
    })),
  );
  return { nodes, edges, mappings };
}

export function diffVariables(before: unknown, after: unknown): Change[] {
  return diffByKey(new Map(Object.entries(asObj(before))), new Map(Object.entries(asObj(after))));
}
