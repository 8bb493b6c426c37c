'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { inputsOf, outputsOf, type StepNode } from './store';
import { useProblems } from './validation';
import { useEditor } from './store';

export const KIND_STYLE: Record<string, { color: string; name: string }> = {
  trigger: { color: 'bg-violet-600', name: 'Trigger' },
  map: { color: 'bg-sky-600', name: 'Map' },
  lookup: { color: 'bg-teal-600', name: 'Lookup' },
  write: { color: 'bg-orange-600', name: 'Write' },
  condition: { color: 'bg-amber-600', name: 'If / else' },
  switch: { color: 'bg-amber-600', name: 'Switch' },
  approval: { color: 'bg-rose-600', name: 'Approval' },
  forEach: { color: 'bg-indigo-600', name: 'For each' },
  delay: { color: 'bg-slate-600', name: 'Wait' },
  notify: { color: 'bg-emerald-700', name: 'Notify' },
};

const RUN_RING: Record<string, string> = { running: 'ring-4 ring-sky-300 animate-pulse', succeeded: 'ring-4 ring-emerald-300', failed: 'ring-4 ring-red-300', skipped: 'ring-4 ring-slate-200', pending: '' };

function subtitle(d: StepNode['data']): string {
  const c = d.config;
  if (typeof c.action === 'string') return `${String(c.connector ?? '').split('@')[0]} · ${c.action}`;
  if (d.kind === 'trigger') return String(c.type === 'webhook' ? `${String(c.connector ?? '').split('@')[0]} · ${String(c.event ?? '')}` : c.type ?? '');
  return KIND_STYLE[d.kind]?.name ?? d.kind;
}

function StepNodeView({ id, data, selected }: NodeProps<StepNode>) {
  const problems = useProblems((s) => s.byNode[id]);
  const run = useEditor((s) => s.testRun[id]);
  const style = KIND_STYLE[data.kind] ?? { color: 'bg-slate-500', name: data.kind };
  const outputs = outputsOf(data);
  const inputs = inputsOf(data);
  return (
    <div
      className={`w-56 rounded-lg border bg-white text-left shadow-sm ${selected ? 'border-brand-500 ring-2 ring-brand-200' : problems?.errors ? 'border-red-400' : 'border-slate-300'} ${run ? RUN_RING[run.state] : ''}`}
      data-testid="canvas-node"
      data-node-id={id}
      data-kind={data.kind}
      data-errors={problems?.errors ?? 0}
      data-run-state={run?.state ?? ''}
    >
      {inputs.map((p, i) => (
        <Handle key={p} id={p} type="target" position={Position.Top} style={{ left: `${((i + 1) / (inputs.length + 1)) * 100}%` }} className="!h-3 !w-3 !border-2 !border-white !bg-slate-500" data-testid={`handle-in-${p}`} />
      ))}
      <div className="flex items-center gap-2 px-3 py-2">
        <span className={`h-6 w-1.5 shrink-0 rounded ${style.color}`} aria-hidden />
        <div className="min-w-0 flex-1">
          <div className="truncate text-sm font-medium" data-testid="node-label">
            {data.label}
          </div>
          <div className="truncate text-[11px] text-slate-600">{subtitle(data)}</div>
        </div>
        {problems?.errors ? (
          <span className="rounded-full bg-red-600 px-1.5 text-[11px] font-semibold text-white" title={`${problems.errors} problem(s)`} data-testid="node-errors">
            {problems.errors}
          </span>
        ) : problems?.warnings ? (
          <span className="rounded-full bg-amber-500 px-1.5 text-[11px] font-semibold text-white" title={`${problems.warnings} warning(s)`}>
            {problems.warnings}
          </span>
        ) : null}
      </div>
      {outputs.length > 1 && (
        <div className="flex justify-around border-t border-slate-100 px-1 pb-1 text-[10px] text-slate-600">
          {outputs.map((p) => (
            <span key={p}>{p}</span>
          ))}
        </div>
      )}
      {outputs.map((p, i) => (
        <Handle key={p} id={p} type="source" position={Position.Bottom} style={{ left: `${((i + 1) / (outputs.length + 1)) * 100}%` }} className="!h-3 !w-3 !border-2 !border-white !bg-brand-600" data-testid={`handle-out-${p}`} />
      ))}
    </div>
  );
}

export const StepNodeMemo = memo(StepNodeView);
