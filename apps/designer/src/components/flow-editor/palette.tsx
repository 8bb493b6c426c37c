'use client';

import { useMemo, useState } from 'react';
import { PALETTE_GROUPS, type PaletteItem } from './model/palette';

export const DRAG_TYPE = 'application/x-conduit-step';

/** Steps grouped by purpose. Drag one onto the canvas, or press Enter on it to add it after the selected step. */
export function Palette({ items, onAdd }: { items: PaletteItem[]; onAdd: (item: PaletteItem) => void }) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => items.filter((i) => `${i.title} ${i.group} ${i.description}`.toLowerCase().includes(filter.toLowerCase())), [items, filter]);
  return (
    <aside aria-label="Steps palette" className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white" data-testid="palette">
      <div className="border-b border-slate-200 p-2">
        <label htmlFor="palette-filter" className="sr-only">
          Find a step
        </label>
        <input id="palette-filter" type="search" placeholder="Find a step…" value={filter} onChange={(e) => setFilter(e.target.value)} className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm" />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-2">
        {PALETTE_GROUPS.map((g) => {
          const group = shown.filter((i) => i.group === g);
          if (group.length === 0) return null;
          return (
            <section key={g} className="mb-3" aria-labelledby={`palette-${g}`}>
              <h3 id={`palette-${g}`} className="px-1 pb-1 text-[11px] font-semibold tracking-wide text-slate-600 uppercase">
                {g}
              </h3>
              <ul className="space-y-1">
                {group.map((item) => (
                  <li key={item.id}>
                    <button
                      type="button"
                      draggable
                      onDragStart={(e) => {
                        e.dataTransfer.setData(DRAG_TYPE, item.id);
                        e.dataTransfer.effectAllowed = 'move';
                      }}
                      onClick={() => onAdd(item)}
                      title={item.description}
                      className="w-full cursor-grab rounded-md border border-slate-200 px-2 py-1.5 text-left text-sm hover:border-brand-500 hover:bg-brand-50"
                      data-testid={`palette-item-${item.id}`}
                    >
                      {item.title}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <p className="border-t border-slate-200 p-2 text-[11px] text-slate-600">Drag a step onto the canvas, or select one and press Enter to add it after the selected step.</p>
    </aside>
  );
}
