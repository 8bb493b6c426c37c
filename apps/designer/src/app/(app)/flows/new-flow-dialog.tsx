'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { messageOf } from '../../../components/ui/errors';
import { Field, inputClass } from '../../../components/ui/field';

export function NewFlowDialog({ open, onClose, templates }: { open: boolean; onClose: () => void; templates: Array<{ key: string; name: string; description: string }> }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('');
  const create = useMutation(trpc.flows.create.mutationOptions({ onSuccess: (f) => router.push(`/flows/${f.id}`) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name, ...(template ? { template } : {}) });
  };
  return (
    <Dialog open={open} onClose={onClose} title="New flow" testId="new-flow-dialog">
      <form onSubmit={submit} className="space-y-4">
        <Field label="Name">{(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} placeholder="e.g. Closed-Won → Sales Order" required data-testid="new-flow-name" />}</Field>
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-slate-700">Start from</legend>
          <div className="space-y-2">
            {[{ key: '', name: 'An empty canvas', description: 'Drag steps from the palette yourself.' }, ...templates].map((t) => (
              <label key={t.key} className={`flex cursor-pointer gap-2 rounded-md border p-3 text-sm ${template === t.key ? 'border-brand-500 bg-brand-50' : 'border-slate-200'}`}>
                <input type="radio" name="template" value={t.key} checked={template === t.key} onChange={() => setTemplate(t.key)} data-testid={`new-flow-template-${t.key || 'empty'}`} />
                <span>
                  <span className="font-medium">{t.name}</span>
                  <span className="block text-xs text-slate-500">{t.description}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {create.isError && <p role="alert" className="text-sm text-red-700">{messageOf(create.error)}</p>}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending} data-testid="new-flow-create">
            {create.isPending ? 'Creating…' : 'Create flow'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
