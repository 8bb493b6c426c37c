// The pinned version's graph, drawn as plain SVG with each node filled by its latest step status.
import { STEP_FILL } from './status';

interface GraphNode {
  id: string;
  label?: string;
  kind?: string;
  position?: { x: number; y: number };
}
interface GraphEdge {
  id: string;
  source: string;
  target: string;
}

const W = 160;
const H = 48;
const PAD = 24;

export function RunGraph({ graph, statusByNode }: { graph: unknown; statusByNode: Record<string, string> }) {
  const g = (graph ?? {}) as { nodes?: GraphNode[]; edges?: GraphEdge[] };
  const nodes = (g.nodes ?? []).map((n, i) => ({ ...n, x: n.position?.x ?? i * 200, y: n.position?.y ?? 0 }));
  if (nodes.length === 0) return <p className="text-sm text-slate-500">This version has no graph to show.</p>;
  const minX = Math.min(...nodes.map((n) => n.x));
  const minY = Math.min(...nodes.map((n) => n.y));
  const at = new Map(nodes.map((n) => [n.id, { x: n.x - minX + PAD, y: n.y - minY + PAD }]));
  const width = Math.max(...[...at.values()].map((p) => p.x)) + W + PAD;
  const height = Math.max(...[...at.values()].map((p) => p.y)) + H + PAD;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto max-h-80 w-full"
      role="img"
      aria-label="Flow graph coloured by step status"
      data-testid="run-graph"
    >
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#94a3b8" />
        </marker>
      </defs>
      {(g.edges ?? []).map((e) => {
        const s = at.get(e.source);
        const t = at.get(e.target);
        if (!s || !t) return null;
        return (
          <line
            key={e.id}
            x1={s.x + W}
            y1={s.y + H / 2}
            x2={t.x}
            y2={t.y + H / 2}
            stroke="#94a3b8"
            strokeWidth={1.5}
            markerEnd="url(#arrow)"
          />
        );
      })}
      {nodes.map((n) => {
        const p = at.get(n.id)!;
        const status = statusByNode[n.id];
        return (
          <g
            key={n.id}
            transform={`translate(${p.x},${p.y})`}
            data-testid={`graph-node-${n.id}`}
            data-status={status ?? 'not-run'}
          >
            <rect
              width={W}
              height={H}
              rx={8}
              fill={status ? (STEP_FILL[status] ?? '#fff') : '#fff'}
              stroke={status === 'failed' ? '#dc2626' : '#cbd5e1'}
              strokeWidth={status === 'failed' ? 2 : 1}
              strokeDasharray={status ? undefined : '4 3'}
            />
            <text x={10} y={20} fontSize={12} fontWeight={600} fill="#0f172a">
              {(n.label || n.id).slice(0, 22)}
            </text>
            <text x={10} y={36} fontSize={10} fill="#64748b">
              {n.kind} · {status ?? 'not run'}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
