'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote, JsonView } from '../../../components/operate/page-header';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field, inputClass } from '../../../components/ui/field';
import { useTRPC } from '../../../lib/trpc';

interface Props {
  ids: string[];
  onClose: () => void;
  onDone: () => void;
}

/** Shows exactly what will be retried (run, node, input, pinned version) before anything happens. */
export function ReplayDialog({ ids, onClose, onDone }: Props) {
  const trpc = useTRPC();
  const preview = useQuery(trpc.deadLetters.previewReplay.queryOptions({ ids }));
  const replay = useMutation(trpc.deadLetters.replay.mutationOptions({ onSuccess: onDone }));
  const [version, setVersion] = useState<'deployed' | 'pinned'>('deployed');
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Replay ${ids.length} dead letter${ids.length === 1 ? '' : 's'}`}
      wide
      testId="dl-replay-dialog"
    >
      <fieldset className="mb-3 space-y-1 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            checked={version === 'deployed'}
            onChange={() => setVersion('deployed')}
            data-testid="dl-version-deployed"
          />
          Start again on the version deployed now (use this after fixing a mapping)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" checked={version === 'pinned'} onChange={() => setVersion('pinned')} />
          Retry the failed step on the version each run used (after fixing data in Sage 100 or Streak)
        </label>
      </fieldset>
      <ErrorNote error={preview.error ?? replay.error} />
      <ul className="mb-4 space-y-2" data-testid="dl-preview">
        {preview.data?.map((p) => (
          <li key={p.id} className="rounded-md border border-slate-200 p-2 text-sm">
            <div className="mb-1">
              <strong>{p.flow}</strong> v{version === 'deployed' ? (p.deployedVersion ?? '—') : p.version}
              {version === 'deployed' && p.deployedVersion === null && (
                <span className="text-red-700"> (not deployed any more)</span>
              )}{' '}
              · failed at node <span className="font-mono">{p.nodeId}</span> ·{' '}
              <span className="font-mono text-xs">{p.searchKeys.join(' · ')}</span>
            </div>
            <JsonView value={p.input} />
          </li>
        ))}
      </ul>
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="primary"
          disabled={replay.isPending || !preview.data}
          onClick={() => replay.mutate({ ids, version })}
          data-testid="dl-replay-confirm"
        >
          Replay now
        </Button>
      </div>
    </Dialog>
  );
}

export function DiscardDialog({ ids, onClose, onDone }: Props) {
  const trpc = useTRPC();
  const [note, setNote] = useState('');
  const discard = useMutation(trpc.deadLetters.discard.mutationOptions({ onSuccess: onDone }));
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Discard ${ids.length} dead letter${ids.length === 1 ? '' : 's'}`}
      testId="dl-discard-dialog"
    >
      <ErrorNote error={discard.error} />
      <Field label="Why are they discarded?" help="Kept with the dead letters and in the audit log.">
        {(id) => (
          <textarea
            id={id}
            className={inputClass}
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="dl-discard-note"
          />
        )}
      </Field>
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="danger"
          disabled={discard.isPending}
          onClick={() => discard.mutate({ ids, note })}
          data-testid="dl-discard-confirm"
        >
          Discard
        </Button>
      </div>
    </Dialog>
  );
}
