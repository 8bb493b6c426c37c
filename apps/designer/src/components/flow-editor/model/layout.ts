// Auto-layout: layers by longest path from the trigger (top to bottom), nodes in a layer side by side
// in their previous left-to-right order. Enough for flows, which are mostly chains with a few branches.
import { topologicalOrder } from '@conduit/flow';

const GAP_X = 260;
const GAP_Y = 140;

export function layeredPositions(g: { nodes: Array<{ id: string; position: { x: number; y: number } }>; edges: Array<{ id: string; source: string; sourcePort: string; target: string; targetPort: string }> }): Map<string, { x: number; y: number }> {
  const order = topologicalOrder(g, { skipEdge: (e) => e.targetPort === 'loop' }) ?? g.nodes.map((n) => n.id);
  const layer = new Map<string, number>(order.map((id) => [id, 0]));
  for (const id of order) for (const e of g.edges) if (e.source === id && e.targetPort !== 'loop') layer.set(e.target, Math.max(layer.get(e.target) ?? 0, layer.get(id)! + 1));
  const byLayer = new Map<number, string[]>();
  const x = new Map(g.nodes.map((n) => [n.id, n.position.x]));
  for (const id of order) byLayer.set(layer.get(id)!, [...(byLayer.get(layer.get(id)!) ?? []), id]);
  const out = new Map<string, { x: number; y: number }>();
  for (const [l, ids] of byLayer) {
    ids.sort((a, b) => x.get(a)! - x.get(b)!);
    ids.forEach((id, i) => out.set(id, { x: (i - (ids.length - 1) / 2) * GAP_X, y: l * GAP_Y }));
  }
  return out;
}
