'use client';

import { formatDuration, formatTime, JsonView } from '../../../../components/operate/page-header';
import { StatusBadge } from '../../../../components/operate/status';

interface Step {
  id: string;
  nodeId: string;
  seq: number;
  status: string;
  attempts: number;
  input: unknown;
  output: unknown;
  error: unknown;
  startedAt: Date;
  durationMs: number | null;
}

/** The remote system's own words, when the connector kept them. */
function remoteMessage(error: unknown): string | null {
  const e = error as { remoteMessage?: string; message?: string } | null;
  return e?.remoteMessage ?? e?.message ?? null;
}

export function StepTimeline({ steps }: { steps: Step[] }) {
  const total = Math.max(1, ...steps.map((s) => s.durationMs ?? 0));
  return (
    <ol className="space-y-2" data-testid="step-timeline">
      {steps.map((s) => (
        <li key={s.id} className="rounded-lg border border-slate-200" data-testid={`step-${s.nodeId}`}>
          <details open={s.status === 'failed'}>
            <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-3 py-2 text-sm">
              <span className="w-6 text-xs text-slate-400">{s.seq + 1}</span>
              <span className="w-40 truncate font-medium">{s.nodeId}</span>
              <StatusBadge status={s.status} />
              <span className="text-xs text-slate-500">
                {s.attempts} attempt{s.attempts === 1 ? '' : 's'} · {formatDuration(s.durationMs)} ·{' '}
                {formatTime(s.startedAt)}
              </span>
              <span
                className="h-1.5 min-w-[2px] rounded bg-brand-500"
                style={{ width: `${Math.round(((s.durationMs ?? 0) / total) * 160)}px` }}
                aria-hidden
              />
            </summary>
            <div className="grid gap-3 border-t border-slate-100 p-3 md:grid-cols-2">
              {s.error !== null && s.error !== undefined && (
                <div className="md:col-span-2">
                  <div className="mb-1 text-xs font-semibold text-red-700">Error</div>
                  <p className="mb-1 text-sm text-red-800" data-testid="step-error">
                    {remoteMessage(s.error)}
                  </p>
                  <JsonView value={s.error} />
                </div>
              )}
              <div>
                <div className="mb-1 text-xs font-semibold text-slate-600">Input</div>
                <JsonView value={s.input} />
              </div>
              <div>
                <div className="mb-1 text-xs font-semibold text-slate-600">Output</div>
                <JsonView value={s.output} />
              </div>
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
