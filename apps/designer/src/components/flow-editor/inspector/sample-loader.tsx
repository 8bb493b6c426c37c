'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { Button } from '../../ui/button';
import { messageOf } from '../../ui/errors';
import { inputClass } from '../../ui/field';
import { useEditorContext } from '../context';
import { useEditor, type StepNode } from '../store';
import { JsonView } from './json-view';

interface Props {
  node: StepNode;
  connectionId: string | undefined;
  /** The trigger: connector ref, trigger key and its settings (event, pipeline). */
  trigger: { connector: string; key: string; params: Record<string, string> };
}

/** Pins a real record as the trigger's sample: a Streak box found by name (or key), or an event this environment captured. */
export function SampleLoader({ node, connectionId, trigger }: Props) {
  const trpc = useTRPC();
  const { environmentKey } = useEditorContext();
  const pipelineKey = trigger.params.pipelineKey || undefined;
  const captured = useQuery({ ...trpc.testRuns.capturedEvents.queryOptions({ environmentKey, connector: trigger.connector, trigger: trigger.key, params: trigger.params }), retry: false, staleTime: 30_000 });
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
      {captured.data && captured.data.length > 0 && (
        <div>
          <label htmlFor={`captured-${node.id}`} className="block text-xs text-slate-700">
            Or an event {environmentKey} received
          </label>
          <select id={`captured-${node.id}`} value="" onChange={(e) => setSample(node.id, captured.data.find((c) => c.id === e.target.value)?.payload)} className={inputClass} data-testid="sample-captured">
            <option value="">— choose a captured event —</option>
            {captured.data.map((c) => (
              <option key={c.id} value={c.id}>
                {c.eventType} · {new Date(c.receivedAt).toLocaleString()}
                {c.payload && typeof c.payload === 'object' && 'name' in c.payload ? ` · ${String(c.payload.name)}` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
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

/** For triggers without a connector (started by hand): paste the payload the flow will receive. */
export function PastedSample({ node }: { node: StepNode }) {
  const sample = useEditor((s) => s.samples[node.id]);
  const setSample = useEditor((s) => s.setSample);
  const [text, setText] = useState(sample === undefined ? '' : JSON.stringify(sample, null, 2));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    if (!text.trim()) return setSample(node.id, undefined);
    try {
      setSample(node.id, JSON.parse(text));
      setError(null);
    } catch {
      setError('This is not valid JSON; check quotes and commas.');
    }
  };
  return (
    <div className="space-y-1">
      <label htmlFor={`paste-${node.id}`} className="block text-xs font-semibold text-slate-700">
        Sample payload (JSON)
      </label>
      <textarea id={`paste-${node.id}`} value={text} onChange={(e) => setText(e.target.value)} onBlur={apply} rows={6} className={`${inputClass} font-mono text-xs`} />
      {error && <p className="text-xs text-red-700" role="alert">{error}</p>}
    </div>
  );
}
