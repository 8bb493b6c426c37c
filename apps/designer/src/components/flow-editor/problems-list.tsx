'use client';

import { useReactFlow } from '@xyflow/react';
import { useEditor, useLabels } from './store';
import { useProblems } from './validation';

/** Every problem of the flow; clicking one selects its step and pans to it. */
export function ProblemsList() {
  const problems = useProblems((s) => s.list);
  const labels = useLabels();
  const select = useEditor((s) => s.select);
  const { setCenter, getNode } = useReactFlow();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const jump = (nodeId: string) => {
    select(nodeId);
    const n = getNode(nodeId);
    if (n) void setCenter(n.position.x + 110, n.position.y + 30, { zoom: 1.1, duration: 300 });
  };
  return (
    <section aria-label="Problems" className="max-h-44 overflow-y-auto border-t border-slate-200 bg-white" data-testid="problems">
      <h2 className="sticky top-0 bg-white px-3 py-1.5 text-xs font-semibold text-slate-700">
        {problems.length === 0 ? 'No problems: the flow is ready to save as a version.' : `Problems: ${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}`}
      </h2>
      <ul className="divide-y divide-slate-100">
        {problems.map((p, i) => {
          const label = p.nodeId ? labels.get(p.nodeId) : undefined;
          return (
            <li key={i}>
              <button type="button" disabled={label === undefined} onClick={() => p.nodeId && jump(p.nodeId)} className="flex w-full gap-2 px-3 py-1 text-left text-xs hover:bg-slate-50" data-testid="problem-item">
                <span className={p.severity === 'error' ? 'font-semibold text-red-700' : 'font-semibold text-amber-700'}>{p.severity === 'error' ? 'Error' : 'Warning'}</span>
                {label !== undefined && <span className="font-medium">{label}:</span>}
                <span className="text-slate-700">{p.text}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
