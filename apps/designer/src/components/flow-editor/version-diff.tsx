'use client';

import { useQuery } from '@tanstack/react-query';
import { ReactFlow, ReactFlowProvider, type Edge, type Node } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { useTRPC } from '../../lib/trpc';
import { Dialog } from '../ui/dialog';
import { messageOf } from '../ui/errors';
import { graphDiff, hunks, lineDiff, type NodeChange } from './model/diff';
import { DraftSchema, type Draft } from './model/draft';

const STYLE: Record<NodeChange, string> = {
  added: 'border-emerald-500 bg-emerald-50',
  removed: 'border-red-400 bg-red-50 border-dashed opacity-80',
  changed: 'border-amber-500 bg-amber-50',
  moved: 'border-slate-300 bg-white',
  same: 'border-slate-300 bg-white',
};

function Visual({ a, b }: { a: Draft; b: Draft }) {
  const diff = useMemo(() => graphDiff(a, b), [a, b]);
  const { nodes, edges } = useMemo(() => {
    const removed = a.nodes.filter((n) => diff.nodes.get(n.id) === 'removed');
    const all = [...b.nodes, ...removed];
    const nodes: Node[] = all.map((n) => {
      const change = diff.nodes.get(n.id)!;
      return {
        id: n.id,
        position: n.position,
        data: { label: `${n.label}${change === 'same' || change === 'moved' ? '' : ` (${change})`}` },
        className: `!w-56 !rounded-lg !border-2 !text-xs ${STYLE[change]}`,
        draggable: false,
        connectable: false,
      };
    });
    const removedEdges = new Set(diff.edgesRemoved);
    const addedEdges = new Set(diff.edgesAdded);
    const key = (e: Draft['edges'][number]) => `${e.source}:${e.sourcePort}→${e.target}:${e.targetPort}`;
    const edges: Edge[] = [...b.edges, ...a.edges.filter((e) => removedEdges.has(key(e)))].map((e) => ({
      id: `${e.id}-${key(e)}`,
      source: e.source,
      target: e.target,
      style: addedEdges.has(key(e)) ? { stroke: '#059669', strokeWidth: 2 } : removedEdges.has(key(e)) ? { stroke: '#dc2626', strokeDasharray: '4 3' } : undefined,
    }));
    return { nodes, edges };
  }, [a, b, diff]);
  const changes = [...diff.nodes].filter(([, c]) => c !== 'same');
  return (
    <div className="grid grid-cols-[1fr_18rem] gap-4">
      <div className="h-[60vh] rounded border border-slate-200" data-testid="diff-visual">
        <ReactFlowProvider>
          <ReactFlow nodes={nodes} edges={edges} fitView nodesDraggable={false} nodesConnectable={false} aria-label="Version differences" />
        </ReactFlowProvider>
      </div>
      <ul className="space-y-1 overflow-auto text-xs" data-testid="diff-summary">
        {changes.length === 0 && diff.edgesAdded.length + diff.edgesRemoved.length === 0 && <li>The two versions are the same.</li>}
        {changes.map(([id, c]) => {
          const n = b.nodes.find((x) => x.id === id) ?? a.nodes.find((x) => x.id === id)!;
          return (
            <li key={id} data-testid="diff-change">
              <span className="font-semibold">{n.label}</span> {c}
              {diff.details.get(id)?.length ? `: ${diff.details.get(id)!.join(', ')}` : ''}
            </li>
          );
        })}
        {diff.edgesAdded.map((e) => <li key={e}>connection added {e}</li>)}
        {diff.edgesRemoved.map((e) => <li key={e}>connection removed {e}</li>)}
      </ul>
    </div>
  );
}

function JsonDiff({ a, b }: { a: Draft; b: Draft }) {
  const lines = useMemo(() => hunks(lineDiff(JSON.stringify(a, null, 2), JSON.stringify(b, null, 2))), [a, b]);
  return (
    <pre className="max-h-[60vh] overflow-auto rounded border border-slate-200 font-mono text-[11px]" data-testid="diff-json" tabIndex={0}>
      {lines.map((l, i) =>
        l === null ? (
          <div key={i} className="bg-slate-100 px-2 text-slate-600">⋯</div>
        ) : (
          <div key={i} className={`px-2 ${l.type === 'add' ? 'bg-emerald-50 text-emerald-900' : l.type === 'del' ? 'bg-red-50 text-red-900' : ''}`}>
            {l.type === 'add' ? '+ ' : l.type === 'del' ? '- ' : '  '}
            {l.text}
          </div>
        ),
      )}
    </pre>
  );
}

/** Compares two versions: a canvas with added/removed/changed steps highlighted, and their JSON. */
export function VersionDiffDialog({ flowId, numbers, onClose }: { flowId: string; numbers: [number, number]; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.versions.get.queryOptions({ flowId, numbers }));
  const [tab, setTab] = useState<'visual' | 'json'>('visual');
  const graphs = q.data?.map((v) => DraftSchema.parse(v.graph));
  return (
    <Dialog open onClose={onClose} title={`Version ${numbers[0]} → version ${numbers[1]}`} wide testId="diff-dialog">
      <div role="tablist" className="mb-3 flex gap-1">
        {(['visual', 'json'] as const).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} type="button" onClick={() => setTab(t)} className={`rounded px-3 py-1 text-sm ${tab === t ? 'bg-brand-600 text-white' : 'bg-slate-100'}`} data-testid={`diff-tab-${t}`}>
            {t === 'visual' ? 'Canvas' : 'JSON'}
          </button>
        ))}
      </div>
      {q.isError && <p className="text-sm text-red-700">{messageOf(q.error)}</p>}
      {graphs && (tab === 'visual' ? <Visual a={graphs[0]!} b={graphs[1]!} /> : <JsonDiff a={graphs[0]!} b={graphs[1]!} />)}
    </Dialog>
  );
}
