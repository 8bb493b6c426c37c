'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '../../lib/trpc';
import { messageOf } from '../ui/errors';
import { useEditor } from './store';

export type SaveState = { state: 'saved' | 'pending' | 'saving' } | { state: 'error'; message: string };

/** Saves the draft shortly after each logical change; the status line tells the user where things stand. */
export function useAutosave(flowId: string, enabled: boolean): SaveState {
  const trpc = useTRPC();
  const rev = useEditor((s) => s.rev);
  const [status, setStatus] = useState<SaveState>({ state: 'saved' });
  const saved = useRef(0);
  const save = useMutation(trpc.flows.saveDraft.mutationOptions());
  const run = async () => {
    const at = useEditor.getState().rev;
    if (at === saved.current) return;
    setStatus({ state: 'saving' });
    try {
      await save.mutateAsync({ id: flowId, draft: useEditor.getState().draft() });
      saved.current = at;
      setStatus(useEditor.getState().rev === at ? { state: 'saved' } : { state: 'pending' });
    } catch (e) {
      setStatus({ state: 'error', message: messageOf(e) });
    }
  };
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (!enabled || rev === saved.current) return;
    setStatus({ state: 'pending' });
    const t = setTimeout(() => void runRef.current(), 700);
    return () => clearTimeout(t);
  }, [rev, enabled]);
  // Leaving within the autosave delay would drop the last change; the browser asks first.
  const unsaved = status.state !== 'saved';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  return status;
}
