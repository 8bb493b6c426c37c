// Differences between two flow versions: which steps and connections were added, removed or changed
// (for the visual diff), and a line diff of their JSON (for the JSON diff).

interface GraphLike {
  nodes: Array<{ id: string; kind: string; label: string; position: { x: number; y: number }; config: unknown }>;
  edges: Array<{ id: string; source: string; sourcePort: string; target: string; targetPort: string }>;
}

export type NodeChange = 'added' | 'removed' | 'changed' | 'moved' | 'same';

export interface GraphDiff {
  nodes: Map<string, NodeChange>;
  /** What changed in a changed step, in words. */
  details: Map<string, string[]>;
  edgesAdded: string[];
  edgesRemoved: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const edgeKey = (e: GraphLike['edges'][number]) => `${e.source}:${e.sourcePort}→${e.target}:${e.targetPort}`;

export function graphDiff(a: GraphLike, b: GraphLike): GraphDiff {
  const nodes = new Map<string, NodeChange>();
  const details = new Map<string, string[]>();
  const before = new Map(a.nodes.map((n) => [n.id, n]));
  for (const n of b.nodes) {
    const old = before.get(n.id);
    if (!old) {
      nodes.set(n.id, 'added');
      continue;
    }
    const what = [...(old.label !== n.label ? [`renamed from “${old.label}”`] : []), ...(same(old.config, n.config) ? [] : configChanges(old.config, n.config))];
    details.set(n.id, what);
    nodes.set(n.id, what.length ? 'changed' : same(old.position, n.position) ? 'same' : 'moved');
  }
  for (const n of a.nodes) if (!nodes.has(n.id)) nodes.set(n.id, 'removed');
  const ka = new Set(a.edges.map(edgeKey));
  const kb = new Set(b.edges.map(edgeKey));
  return { nodes, details, edgesAdded: [...kb].filter((k) => !ka.has(k)), edgesRemoved: [...ka].filter((k) => !kb.has(k)) };
}

function configChanges(a: unknown, b: unknown): string[] {
  const ao = (a ?? {}) as Record<string, unknown>;
  const bo = (b ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(ao), ...Object.keys(bo)])].filter((k) => !same(ao[k], bo[k])).map((k) => `${k} changed`);
}

export interface DiffLine {
  type: 'same' | 'add' | 'del';
  text: string;
}

/** Longest-common-subsequence line diff; inputs are a few thousand lines at most (flows cap at 500 nodes). */
export function lineDiff(a: string, b: string): DiffLine[] {
  const x = a.split('\n');
  const y = b.split('\n');
  // Trim the common head and tail first so the table only covers the changed middle.
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const xs = x.slice(head, x.length - tail);
  const ys = y.slice(head, y.length - tail);
  const n = xs.length;
  const m = ys.length;
  const middle: DiffLine[] = [];
  if (n * m > 25_000_000) {
    middle.push(...xs.map((text) => ({ type: 'del' as const, text })), ...ys.map((text) => ({ type: 'add' as const, text })));
  } else {
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = xs[i] === ys[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && xs[i] === ys[j]) {
        middle.push({ type: 'same', text: xs[i++]! });
        j++;
      } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) middle.push({ type: 'del', text: xs[i++]! });
      else middle.push({ type: 'add', text: ys[j++]! });
    }
  }
  return [...x.slice(0, head).map((text) => ({ type: 'same' as const, text })), ...middle, ...x.slice(x.length - tail).map((text) => ({ type: 'same' as const, text }))];
}

/** Only changed lines with `context` lines around them; `null` marks skipped stretches. */
export function hunks(lines: DiffLine[], context = 3): Array<DiffLine | null> {
  const keep = lines.map((l) => l.type !== 'same');
  const show = lines.map((_, i) => keep.slice(Math.max(0, i - context), i + context + 1).some(Boolean));
  const out: Array<DiffLine | null> = [];
  lines.forEach((l, i) => {
    if (show[i]) out.push(l);
    else if (out.at(-1) !== null) out.push(null);
  });
  return out;
}
