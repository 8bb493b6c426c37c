'use client';

import { useEffect } from 'react';
import { useEditor } from './store';
import { useEditorUi } from './ui-store';

export const SHORTCUTS: Array<[string, string]> = [
  ['Ctrl/⌘ Z', 'Undo'],
  ['Ctrl/⌘ Shift Z or Ctrl Y', 'Redo'],
  ['Ctrl/⌘ C / V', 'Copy / paste selected steps'],
  ['Delete or Backspace', 'Delete selected steps and connections'],
  ['Ctrl/⌘ S', 'Save a version'],
  ['Alt L', 'Tidy up (auto-layout)'],
  ['Shift/Ctrl click', 'Select several steps'],
];

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** Editor-wide keys; ignored while typing in a field or when a dialog is open. */
export function useShortcuts(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || document.querySelector('dialog[open]')) return;
      const s = useEditor.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const act = (f: () => void) => (e.preventDefault(), f());
      if (mod && key === 'z') act(e.shiftKey ? s.redo : s.undo);
      else if (mod && key === 'y') act(s.redo);
      else if (mod && key === 'c') act(s.copy);
      else if (mod && key === 'v') act(s.paste);
      else if (mod && key === 's') act(() => useEditorUi.getState().set({ saveOpen: true }));
      else if (e.altKey && key === 'l') act(s.autoLayout);
      else if (key === 'delete' || key === 'backspace') act(s.deleteSelected);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
