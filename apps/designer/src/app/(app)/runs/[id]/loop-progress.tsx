'use client';

// Live for-each progress of a running flow (a bulk sync over every customer): done of total, the rate so
// far and the time left at that rate. Read from the workflow every second while the run is active.
import { useQuery } from '@tanstack/react-query';
import { Card, formatDuration } from '../../../../components/operate/page-header';
import { useTRPC } from '../../../../lib/trpc';
import { type Loop, loopFigures } from './loop-figures';

export function LoopBar({ loop, label, now }: { loop: Loop; label: string; now: number }) {
  const f = loopFigures(loop, now);
  return (
    <div className="space-y-1" data-testid={`loop-${loop.nodeId}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-slate-600" data-testid="loop-counts">
          {loop.done} of {loop.total} · {f.percent}%
          {f.perSecond !== null && ` · ${f.perSecond.toFixed(1)}/s`}
          {f.etaMs !== null && loop.done < loop.total && ` · about ${formatDuration(Math.round(f.etaMs))} left`}
        </span>
      </div>
      <div
        className="h-2 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={loop.total}
        aria-valuenow={loop.done}
      >
        <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${f.percent}%` }} />
      </div>
    </div>
  );
}

export function LoopProgress({ runId, active, labels }: { runId: string; active: boolean; labels: Record<string, string> }) {
  const trpc = useTRPC();
  const progress = useQuery(trpc.runs.progress.queryOptions({ id: runId }, { enabled: active, refetchInterval: active ? 1000 : false }));
  const loops = progress.data?.loops ?? [];
  if (!active || loops.length === 0) return null;
  const now = Date.now();
  return (
    <Card title="Progress" testId="run-progress">
      <div className="space-y-3">
        {loops.map((l) => (
          <LoopBar key={l.nodeId} loop={l} label={labels[l.nodeId] ?? l.nodeId} now={now} />
        ))}
      </div>
    </Card>
  );
}
