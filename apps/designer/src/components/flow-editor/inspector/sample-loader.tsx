'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { Button } from '../../ui/button';
import { messageOf } from '../../ui/errors';
import { inputClass } from '../../ui/field';
import { useEditor, type StepNode } from '../store';
import { JsonView } from './json-view';

/** Pins a real record as the trigger's sample: a Streak box found by name (or key), read on the server. */
export function SampleLoader({ node, connectionId, pipelineKey }: { node: StepNode; connectionId: string | undefined; pipelineKey: string | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sample = useEditor((s) => s.samples[node.id]);
  const setSample = useEditor((s) => s.setSample);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    if (!connectionId) return setError('Choose a connection first.');
    setBusy(true);
    setError(null);
    const fetchRecord = (action: string, input: Record<string, unknown>) => queryClient.fetchQuery(trpc.testRuns.sampleRecords.queryOptions({ connectionId, action, input }));
    try {
      let box: unknown;
      if (pipelineKey) {
        const found = (await fetchRecord('findBoxes', { pipelineKey, name: query.trim(), limit: 1 })) as { boxes?: unknown[] };
        box = found.boxes?.[0];
      }
      box ??= await fetchRecord('getBox', { boxKey: query.trim() }).catch(() => undefined);
      if (!box) setError(`No box named or keyed “${query.trim()}”${pipelineKey ? ' in this pipeline' : ''}. Check the spelling in Streak.`);
      else setSample(node.id, box);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="space-y-2 rounded-md border border-slate-200 p-3" aria-label="Sample data">
      <h3 className="text-xs font-semibold text-slate-700">Sample data</h3>
      <p className="text-xs text-slate-600">Pin a real box to see what data flows, preview mappings and test-run the flow.</p>
      <div className="flex gap-2">
        <label htmlFor={`sample-${node.id}`} className="sr-only">
          Box name or key
        </label>
        <input id={`sample-${node.id}`} value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Box name or key" className={inputClass} data-testid="sample-query" />
        <Button size="sm" onClick={load} disabled={busy || !query.trim()} data-testid="sample-load">
          {busy ? 'Loading…' : 'Load'}
        </Button>
      </div>
      {error && <p className="text-xs text-red-700" role="alert">{error}</p>}
      {sample !== undefined && (
        <div data-testid="sample-pinned">
          <div className="flex items-center justify-between text-xs text-emerald-800">
            <span>Pinned: {typeof sample === 'object' && sample && 'name' in sample ? String(sample.name) : 'sample'}</span>
            <Button size="sm" variant="ghost" onClick={() => setSample(node.id, undefined)}>
              Unpin
            </Button>
          </div>
          <JsonView value={sample} maxHeight="12rem" />
        </div>
      )}
    </section>
  );
}
