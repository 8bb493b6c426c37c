'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { EnvSelect } from '../../../components/operate/env-select';
import { Card, ErrorNote, formatTime, PageHeader } from '../../../components/operate/page-header';
import { useCan } from '../../../components/operate/role';
import { Button } from '../../../components/ui/button';
import { inputClass } from '../../../components/ui/field';
import { useTRPC } from '../../../lib/trpc';
import { DiscardDialog, ReplayDialog } from './dialogs';

export default function DeadLettersPage() {
  const trpc = useTRPC();
  const can = useCan();
  const qc = useQueryClient();
  const [environmentId, setEnvironmentId] = useState<string>();
  const [status, setStatus] = useState<'open' | 'replayed' | 'discarded'>('open');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'replay' | 'discard' | null>(null);
  const groups = useQuery(
    trpc.deadLetters.list.queryOptions({ status, ...(environmentId ? { environmentId } : {}) }),
  );
  const toggle = (ids: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  const finished = () => {
    setDialog(null);
    setSelected(new Set());
    void qc.invalidateQueries({ queryKey: trpc.deadLetters.list.queryKey() });
  };
  const editable = can('build') && status === 'open';

  return (
    <div className="p-8">
      <PageHeader
        title="Dead letters"
        description="What failed permanently and why, grouped by reason. Fix the cause (in Sage 100, Streak or the flow's mapping), then replay; or discard with a note."
        actions={
          editable && (
            <>
              <Button
                variant="primary"
                disabled={selected.size === 0}
                onClick={() => setDialog('replay')}
                data-testid="dl-replay"
              >
                Replay {selected.size || ''} selected…
              </Button>
              <Button
                variant="danger"
                disabled={selected.size === 0}
                onClick={() => setDialog('discard')}
                data-testid="dl-discard"
              >
                Discard…
              </Button>
            </>
          )
        }
      />
      <div className="mb-4 flex gap-2">
        <EnvSelect value={environmentId} onChange={setEnvironmentId} />
        <select
          aria-label="Status"
          className={`${inputClass} w-auto`}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as typeof status);
            setSelected(new Set());
          }}
        >
          <option value="open">Open</option>
          <option value="replayed">Replayed</option>
          <option value="discarded">Discarded</option>
        </select>
      </div>
      <ErrorNote error={groups.error} />
      {groups.data?.length === 0 && (
        <p
          className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-500"
          data-testid="dl-empty"
        >
          Nothing here. Permanent failures land here with an explanation and a fix.
        </p>
      )}
      <div className="space-y-4">
        {groups.data?.map((g) => {
          const ids = g.items.map((i) => i.id);
          return (
            <Card
              key={g.reasonCode}
              testId={`dl-group-${g.reasonCode}`}
              title={
                <span className="flex items-center gap-2">
                  {editable && (
                    <input
                      type="checkbox"
                      aria-label={`Select all ${g.reasonCode}`}
                      checked={ids.every((i) => selected.has(i))}
                      onChange={(e) => toggle(ids, e.target.checked)}
                    />
                  )}
                  <span className="font-mono">{g.reasonCode}</span>
                  <span className="rounded-full bg-slate-100 px-2 text-xs">{g.count}</span>
                </span>
              }
            >
              <p className="text-sm text-slate-800">{g.explanation}</p>
              <p
                className="mt-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
                data-testid="dl-suggestion"
              >
                <strong>Suggested fix: </strong>
                {g.suggestion}
              </p>
              <ul className="mt-3 divide-y divide-slate-100 text-sm">
                {g.items.map((i) => (
                  <li key={i.id} className="flex items-center gap-3 py-1.5" data-testid="dl-item">
                    {editable && (
                      <input
                        type="checkbox"
                        aria-label={`Select ${i.run.searchKeys.join(' ')}`}
                        checked={selected.has(i.id)}
                        onChange={(e) => toggle([i.id], e.target.checked)}
                      />
                    )}
                    <Link href={`/runs/${i.run.id}`} className="text-brand-700 hover:underline">
                      {i.run.flow.name}
                    </Link>
                    <span className="font-mono text-xs">{i.run.searchKeys.join(' · ')}</span>
                    <span className="text-xs text-slate-500">
                      {i.run.environment.name} · node {i.nodeId} · {formatTime(i.createdAt)}
                    </span>
                    {i.note && <span className="text-xs text-slate-500">Note: {i.note}</span>}
                  </li>
                ))}
              </ul>
            </Card>
          );
        })}
      </div>
      {dialog === 'replay' && (
        <ReplayDialog ids={[...selected]} onClose={() => setDialog(null)} onDone={finished} />
      )}
      {dialog === 'discard' && (
        <DiscardDialog ids={[...selected]} onClose={() => setDialog(null)} onDone={finished} />
      )}
    </div>
  );
}
