const TONE: Record<string, string> = {
  succeeded: 'bg-emerald-100 text-emerald-800',
  approved: 'bg-emerald-100 text-emerald-800',
  running: 'bg-sky-100 text-sky-800',
  queued: 'bg-slate-100 text-slate-700',
  waiting: 'bg-amber-100 text-amber-800',
  pending: 'bg-amber-100 text-amber-800',
  failed: 'bg-red-100 text-red-800',
  rejected: 'bg-red-100 text-red-800',
  dead_lettered: 'bg-red-100 text-red-800',
  open: 'bg-red-100 text-red-800',
  cancelled: 'bg-slate-200 text-slate-700',
  expired: 'bg-slate-200 text-slate-700',
  discarded: 'bg-slate-200 text-slate-700',
  replayed: 'bg-sky-100 text-sky-800',
  skipped: 'bg-slate-100 text-slate-500',
};

/** Fill colours for the run graph, same meaning as the badges. */
export const STEP_FILL: Record<string, string> = {
  succeeded: '#d1fae5',
  running: '#e0f2fe',
  waiting: '#fef3c7',
  failed: '#fee2e2',
  skipped: '#f1f5f9',
};

export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE[status] ?? 'bg-slate-100 text-slate-700'}`}
      data-testid={testId}
    >
      {status.replace('_', ' ')}
    </span>
  );
}
