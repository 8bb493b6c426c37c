// The one canvas store (zustand, as in the React Flow examples). React Flow's nodes/edges are the
// source of truth while editing; `draft()` turns them into the saved graph. Every logical change
// (not dragging or selecting) bumps `rev`, which drives validation and autosave, and pushes undo history.
import { addEdge, applyEdgeChanges, applyNodeChanges, type Connection, type Edge, type EdgeChange, type Node, type NodeChange } from '@xyflow/react';
import { useMemo } from 'react';
import { create } from 'zustand';
import { type Draft, type DraftNode } from './model/draft';
import { layeredPositions } from './model/layout';
import type { StepProgress } from '../../server/routers/designer/test-runs/progress';

export interface StepData extends Record<string, unknown> {
  kind: string;
  label: string;
  config: Record<string, unknown>;
}
export type StepNode = Node<StepData, 'step'>;

interface Snapshot {
  nodes: StepNode[];
  edges: Edge[];
}

interface EditorState {
  nodes: StepNode[];
  edges: Edge[];
  samples: Record<string, unknown>;
  /** Bumped on every change that alters the flow (not on drag frames or selection). */
  rev: number;
  past: Snapshot[];
  future: Snapshot[];
  clipboard: Snapshot | null;
  testRun: Record<string, StepProgress>;
  load(d: Draft): void;
  draft(): Draft;
  onNodesChange(changes: NodeChange<StepNode>[]): void;
  onEdgesChange(changes: EdgeChange[]): void;
  onConnect(c: Connection): void;
  addNode(n: { kind: string; label: string; config: Record<string, unknown>; position: { x: number; y: number } }): string;
  updateNode(id: string, patch: { label?: string; config?: Record<string, unknown> }): void;
  deleteSelected(): void;
  copy(): void;
  paste(): void;
  undo(): void;
  redo(): void;
  autoLayout(): void;
  select(id: string): void;
  setSample(nodeId: string, sample: unknown): void;
  setTestRun(steps: StepProgress[]): void;
}

const HISTORY = 100;
const snap = (s: { nodes: StepNode[]; edges: Edge[] }): Snapshot => ({ nodes: s.nodes.map((n) => ({ ...n, selected: false })), edges: s.edges.map((e) => ({ ...e, selected: false })) });

export function toStepNode(n: DraftNode): StepNode {
  return { id: n.id, type: 'step', position: n.position, data: { kind: n.kind, label: n.label, config: n.config } };
}

const toEdge = (e: Draft['edges'][number]): Edge => ({ id: e.id, source: e.source, sourceHandle: e.sourcePort, target: e.target, targetHandle: e.targetPort });

/** Short readable ids (`map_3`): they appear in expressions as `steps.map_3`. */
function freshId(kind: string, taken: Set<string>): string {
  const base = kind.replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'step';
  for (let i = 1; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

export const useEditor = create<EditorState>()((set, get) => {
  /** Applies a logical change: records undo history and bumps rev. */
  const commit = (next: Partial<EditorState>) => set((s) => ({ ...next, past: [...s.past.slice(-HISTORY + 1), snap(s)], future: [], rev: s.rev + 1 }));
  return {
    nodes: [],
    edges: [],
    samples: {},
    rev: 0,
    past: [],
    future: [],
    clipboard: null,
    testRun: {},
    load: (d) => set({ nodes: d.nodes.map(toStepNode), edges: d.edges.map(toEdge), samples: d.samples ?? {}, rev: 0, past: [], future: [], testRun: {} }),
    draft: () => {
      const { nodes, edges, samples } = get();
      return {
        schemaVersion: 1,
        nodes: nodes.map((n) => ({ id: n.id, kind: n.data.kind, label: n.data.label, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) }, config: n.data.config })),
        edges: edges.map((e) => ({ id: e.id, source: e.source, sourcePort: e.sourceHandle ?? 'out', target: e.target, targetPort: e.targetHandle ?? 'in' })),
        ...(Object.keys(samples).length ? { samples } : {}),
      };
    },
    onNodesChange: (changes) => {
      // Removal goes through deleteSelected (history); a finished drag is a logical change (saved, undoable).
      const kept = changes.filter((c) => c.type !== 'remove');
      const dragEnd = kept.some((c) => c.type === 'position' && c.dragging === false);
      if (dragEnd) commit({ nodes: applyNodeChanges(kept, get().nodes) });
      else set({ nodes: applyNodeChanges(kept, get().nodes) });
    },
    onEdgesChange: (changes) => {
      const removing = changes.some((c) => c.type === 'remove');
      if (removing) commit({ edges: applyEdgeChanges(changes, get().edges) });
      else set({ edges: applyEdgeChanges(changes, get().edges) });
    },
    onConnect: (c) => {
      const taken = new Set(get().edges.map((e) => e.id));
      commit({ edges: addEdge({ ...c, id: freshId('e', taken) }, get().edges) });
    },
    addNode: ({ kind, label, config, position }) => {
      const { nodes, edges } = get();
      const id = freshId(kind, new Set(nodes.map((n) => n.id)));
      // Continue from the one selected step when it has an output not connected yet.
      const from = nodes.filter((n) => n.selected);
      const newEdges = [...edges];
      if (from.length === 1 && kind !== 'trigger') {
        const src = from[0]!;
        const used = new Set(edges.filter((e) => e.source === src.id).map((e) => e.sourceHandle));
        const port = outputsOf(src.data).find((p) => !used.has(p));
        if (port) newEdges.push({ id: freshId('e', new Set(edges.map((e) => e.id))), source: src.id, sourceHandle: port, target: id, targetHandle: 'in' });
      }
      commit({ nodes: [...nodes.map((n) => ({ ...n, selected: false })), { id, type: 'step', position, data: { kind, label, config }, selected: true }], edges: newEdges });
      return id;
    },
    updateNode: (id, patch) => commit({ nodes: get().nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, ...patch } } : n)) }),
    deleteSelected: () => {
      const { nodes, edges } = get();
      const gone = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
      const edgesLeft = edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target));
      if (gone.size === 0 && edgesLeft.length === edges.length) return;
      commit({ nodes: nodes.filter((n) => !gone.has(n.id)), edges: edgesLeft });
    },
    copy: () => {
      const { nodes, edges } = get();
      const picked = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
      if (picked.size) set({ clipboard: snap({ nodes: nodes.filter((n) => picked.has(n.id)), edges: edges.filter((e) => picked.has(e.source) && picked.has(e.target)) }) });
    },
    paste: () => {
      const { clipboard, nodes, edges } = get();
      if (!clipboard) return;
      const taken = new Set(nodes.map((n) => n.id));
      const rename = new Map<string, string>();
      const pasted = clipboard.nodes.map((n) => {
        const id = freshId(n.data.kind, taken);
        taken.add(id);
        rename.set(n.id, id);
        return { ...n, id, selected: true, position: { x: n.position.x + 40, y: n.position.y + 40 } };
      });
      const edgeIds = new Set(edges.map((e) => e.id));
      const pastedEdges = clipboard.edges.map((e) => {
        const id = freshId('e', edgeIds);
        edgeIds.add(id);
        return { ...e, id, source: rename.get(e.source)!, target: rename.get(e.target)! };
      });
      commit({ nodes: [...nodes.map((n) => ({ ...n, selected: false })), ...pasted], edges: [...edges, ...pastedEdges] });
    },
    undo: () => {
      const { past, future } = get();
      const prev = past.at(-1);
      if (prev) set((s) => ({ ...prev, past: past.slice(0, -1), future: [snap(s), ...future], rev: s.rev + 1 }));
    },
    redo: () => {
      const { past, future } = get();
      const next = future[0];
      if (next) set((s) => ({ ...next, past: [...past, snap(s)], future: future.slice(1), rev: s.rev + 1 }));
    },
    autoLayout: () => {
      const d = get().draft();
      const pos = layeredPositions(d);
      commit({ nodes: get().nodes.map((n) => ({ ...n, position: pos.get(n.id) ?? n.position })) });
    },
    select: (id) => set({ nodes: get().nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })) }),
    setSample: (nodeId, sample) => {
      const samples = { ...get().samples };
      if (sample === undefined) delete samples[nodeId];
      else samples[nodeId] = sample;
      set((s) => ({ samples, rev: s.rev + 1 }));
    },
    setTestRun: (steps) => set({ testRun: Object.fromEntries(steps.map((s) => [s.nodeId, s])) }),
  };
});

/** Step labels by id; re-read only when the flow changes (rev), not on every drag frame. */
export function useLabels(): Map<string, string> {
  const rev = useEditor((s) => s.rev);
  return useMemo(() => labelsAt(rev), [rev]);
}

const labelsAt = (_rev: number) => new Map(useEditor.getState().nodes.map((n) => [n.id, n.data.label]));

/** Output ports by kind, mirroring @conduit/flow's portsOf for configs that may be incomplete. */
export function outputsOf(d: StepData): string[] {
  switch (d.kind) {
    case 'condition':
      return ['true', 'false'];
    case 'approval':
      return ['approved', 'rejected'];
    case 'forEach':
      return ['each', 'done'];
    case 'switch':
      return [...(Array.isArray(d.config.cases) ? d.config.cases.map((c: { port?: string }) => c.port ?? '') : []).filter(Boolean), 'default'];
    default:
      return ['out'];
  }
}

export function inputsOf(d: StepData): string[] {
  return d.kind === 'trigger' ? [] : d.kind === 'forEach' ? ['in', 'loop'] : ['in'];
}
