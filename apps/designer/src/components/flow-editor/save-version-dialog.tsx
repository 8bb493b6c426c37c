'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../../lib/trpc';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { messageOf } from '../ui/errors';
import { Field, inputClass } from '../ui/field';
import { useToast } from '../ui/toast';
import { useEditor } from './store';
import { useEditorUi } from './ui-store';
import { useProblems } from './validation';

/** “Save version”: freezes the current draft as the next immutable version, with a message. */
export function SaveVersionDialog({ flowId }: { flowId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const open = useEditorUi((s) => s.saveOpen);
  const setUi = useEditorUi((s) => s.set);
  const errors = useProblems((s) => s.list.filter((p) => p.severity === 'error').length);
  const [message, setMessage] = useState('');
  const save = useMutation(
    trpc.versions.save.mutationOptions({
      onSuccess: (r) => {
        toast(r.created ? `Saved version ${r.number}.` : `Nothing changed since version ${r.number}; no new version was made.`, 'success');
        setUi({ saveOpen: false });
        setMessage('');
        void queryClient.invalidateQueries({ queryKey: trpc.versions.list.queryKey({ flowId }) });
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ flowId, message, draft: useEditor.getState().draft() });
  };
  return (
    <Dialog open={open} onClose={() => setUi({ saveOpen: false })} title="Save a version" testId="save-version-dialog">
      <form onSubmit={submit} className="space-y-4">
        <p className="text-sm text-slate-600">A version is a frozen copy of this flow. Runs and deployments use versions, never the draft, so what you deploy is exactly what you reviewed.</p>
        {errors > 0 && <p className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">The flow still has {errors} error{errors === 1 ? '' : 's'}; fix them in the problems list first.</p>}
        <Field label="What changed?">{(id) => <input id={id} value={message} onChange={(e) => setMessage(e.target.value)} className={inputClass} placeholder="e.g. Map customer PO to the order" required data-testid="version-message" />}</Field>
        {save.isError && <p role="alert" className="text-sm text-red-700">{messageOf(save.error)}</p>}
        <div className="flex justify-end gap-2">
          <Button onClick={() => setUi({ saveOpen: false })}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={save.isPending || errors > 0 || !message.trim()} data-testid="version-save">
            {save.isPending ? 'Saving…' : 'Save version'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
