'use client';

import { useState } from 'react';
import type { SourceNode } from './sources';

export const SOURCE_DRAG = 'application/x-conduit-source';

const preview = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? `“${v.length > 28 ? `${v.slice(0, 28)}…` : v}”` : JSON.stringify(v)?.slice(0, 30));

/** Everything a mapping can read; drag an entry onto a target field. */
export function SourceTree({ sources }: { sources: SourceNode[] }) {
  const [filter, setFilter] = useState('');
  const shown = filter ? sources.filter((s) => `${s.label} ${s.path}`.toLowerCase().includes(filter.toLowerCase())) : sources;
  return (
    <section aria-label="Source data" className="flex min-h-0 flex-col" data-testid="mapping-sources">
      <h3 className="mb-1 text-xs font-semibold text-slate-700">Source data</h3>
      <label htmlFor="source-filter" className="sr-only">
        Find a source field
      </label>
      <input id="source-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Find a field…" className="mb-2 rounded-md border border-slate-300 px-2 py-1 text-xs" />
      <ul className="min-h-0 flex-1 space-y-px overflow-auto text-xs">
        {shown.map((s) => (
          <li
            key={s.path}
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData(SOURCE_DRAG, s.path);
              e.dataTransfer.effectAllowed = 'link';
            }}
            style={{ paddingLeft: `${(filter ? 0 : s.depth) * 12 + 4}px` }}
            className={`flex cursor-grab items-baseline gap-2 rounded py-0.5 pr-1 hover:bg-brand-50 ${s.depth === 0 ? 'font-semibold' : ''}`}
            title={s.path}
            data-testid="source-item"
            data-path={s.path}
          >
            <span className="min-w-0 flex-1 truncate">{s.label}</span>
            <span className="shrink-0 text-[10px] text-slate-600">{s.type}</span>
            <span className="max-w-[35%] shrink-0 truncate font-mono text-[10px] text-slate-600">{preview(s.sample)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
