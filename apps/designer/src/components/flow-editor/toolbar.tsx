'use client';

import { useReactFlow } from '@xyflow/react';
import Link from 'next/link';
import { Button } from '../ui/button';
import { useEditor } from './store';
import { useEditorUi } from './ui-store';
import { SHORTCUTS } from './use-shortcuts';
import type { SaveState } from './use-autosave';

const SAVE_TEXT = { saved: 'All changes saved', pending: 'Unsaved changes…', saving: 'Saving…' } as const;

export function Toolbar({ name, status, canBuild }: { name: string; status: SaveState; canBuild: boolean }) {
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const { undo, redo, autoLayout } = useEditor.getState();
  const { fitView } = useReactFlow();
  const tidy = () => {
    autoLayout();
    requestAnimationFrame(() => void fitView({ duration: 200, maxZoom: 1.1 }));
  };
  const panel = useEditorUi((s) => s.panel);
  const setUi = useEditorUi((s) => s.set);
  const tab = (p: typeof panel, label: string) => (
    <Button size="sm" variant={panel === p ? 'primary' : 'secondary'} onClick={() => setUi({ panel: p })} aria-pressed={panel === p} data-testid={`panel-${p}`}>
      {label}
    </Button>
  );
  return (
    <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-4 py-2">
      <Link href="/flows" className="text-sm text-brand-700 hover:underline">
        Flows
      </Link>
      <span aria-hidden className="text-slate-400">/</span>
      <h1 className="text-base font-semibold" data-testid="flow-name">
        {name}
      </h1>
      <span className={`text-xs ${status.state === 'error' ? 'text-red-700' : 'text-slate-600'}`} role="status" data-testid="save-status" data-state={status.state}>
        {status.state === 'error' ? `Not saved: ${status.message}` : SAVE_TEXT[status.state]}
      </span>
      <div className="ml-auto flex items-center gap-1.5">
        {canBuild && (
          <>
            <Button size="sm" variant="ghost" onClick={undo} disabled={!canUndo} aria-label="Undo" data-testid="undo">
              Undo
            </Button>
            <Button size="sm" variant="ghost" onClick={redo} disabled={!canRedo} aria-label="Redo" data-testid="redo">
              Redo
            </Button>
            <Button size="sm" variant="ghost" onClick={tidy} data-testid="auto-layout">
              Tidy up
            </Button>
          </>
        )}
        <details className="relative">
          <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-xs text-slate-700 hover:bg-slate-100">Shortcuts</summary>
          <dl className="absolute right-0 z-30 mt-1 w-72 space-y-1 rounded-md border border-slate-200 bg-white p-3 text-xs shadow-lg">
            {SHORTCUTS.map(([k, v]) => (
              <div key={k} className="flex justify-between gap-2">
                <dt className="font-mono">{k}</dt>
                <dd className="text-slate-600">{v}</dd>
              </div>
            ))}
          </dl>
        </details>
        {tab('inspector', 'Inspector')}
        {tab('test', 'Test run')}
        {tab('history', 'History')}
        {canBuild && (
          <Button size="sm" variant="primary" onClick={() => setUi({ saveOpen: true })} data-testid="save-version">
            Save version
          </Button>
        )}
      </div>
    </header>
  );
}
