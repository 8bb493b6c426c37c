'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../lib/trpc';
import { Button } from '../ui/button';
import { messageOf } from '../ui/errors';
import { useEditorContext } from './context';
import { JsonView } from './inspector/json-view';
import { useEditor, useLabels } from './store';

const STATE_STYLE: Record<string, string> = { succeeded: 'text-emerald-700', failed: 'text-red-700', running: 'text-sky-700', skipped: 'text-slate-600', pending: 'text-slate-600' };

/** Runs the draft against the trigger's pinned sample in the editor's environment and lights up each step. */
export function TestRunPanel() {
  const trpc = useTRPC();
  const { flowId, environmentKey } = useEditorContext();
  const labels = useLabels();
  const samples = useEditor((s) => s.samples);
  const setTestRun = useEditor((s) => s.setTestRun);
  const select = useEditor((s) => s.select);
  const [runId, setRunId] = useState<string | null>(null);
  const triggerId = useEditor((s) => s.nodes.find((n) => n.data.kind === 'trigger')?.id);
  const sample = triggerId ? samples[triggerId] : undefined;
  const start = useMutation(trpc.testRuns.start.mutationOptions({ onSuccess: (r) => setRunId(r.runId) }));
  const progress = useQuery({
    ...trpc.testRuns.progress.queryOptions({ runId: runId ?? '00000000-0000-4000-8000-000000000000' }),
    enabled: Boolean(runId),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 400),
  });
  useEffect(() => {
    if (progress.data) setTestRun(progress.data.steps);
  }, [progress.data, setTestRun]);
  const run = () => {
    setTestRun([]);
    start.mutate({ flowId, environmentKey, draft: useEditor.getState().draft(), sample });
  };
  const p = progress.data;
  return (
    <div className="space-y-3 p-4" data-testid="test-run">
      <h2 className="text-sm font-semibold">Test run in {environmentKey}</h2>
      <p className="text-xs text-slate-600">Runs this draft once against the sample pinned on the trigger. Writes go to the {environmentKey} environment’s connections.</p>
      {sample === undefined && <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">Pin a sample on the trigger first (select the trigger and load a box).</p>}
      <Button variant="primary" onClick={run} disabled={sample === undefined || start.isPending || p?.status === 'running'} data-testid="test-run-start">
        {p?.status === 'running' ? 'Running…' : 'Run test'}
      </Button>
      {start.isError && <p role="alert" className="text-xs text-red-700">{messageOf(start.error)}</p>}
      {progress.isError && <p role="alert" className="text-xs text-red-700">{messageOf(progress.error)}</p>}
      {p && (
        <div className="space-y-2">
          <p className={`text-sm font-medium ${p.status === 'succeeded' ? 'text-emerald-700' : p.status === 'running' ? 'text-sky-700' : 'text-red-700'}`} data-testid="test-run-status" data-status={p.status}>
            {p.status === 'running' ? 'Running…' : p.message}
          </p>
          <ul className="space-y-1">
            {p.steps.map((s) => {
              return (
                <li key={s.nodeId} className="rounded border border-slate-200 p-2 text-xs" data-testid="test-run-step" data-node-id={s.nodeId} data-state={s.state}>
                  <button type="button" className="font-medium hover:underline" onClick={() => select(s.nodeId)}>
                    {labels.get(s.nodeId) ?? s.nodeId}
                  </button>{' '}
                  <span className={STATE_STYLE[s.state]}>{s.state}</span>
                  {s.durationMs !== undefined && <span className="text-slate-600"> · {s.durationMs} ms</span>}
                  {s.note && <p className="text-slate-600">{s.note}</p>}
                  {s.output !== undefined && (
                    <details>
                      <summary className="cursor-pointer text-slate-600">Output</summary>
                      <JsonView value={s.output} maxHeight="10rem" />
                    </details>
                  )}
                  {s.input !== undefined && (
                    <details>
                      <summary className="cursor-pointer text-slate-600">Input</summary>
                      <JsonView value={s.input} maxHeight="10rem" />
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
