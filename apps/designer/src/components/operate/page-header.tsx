import type { ReactNode } from 'react';
import { messageOf } from '../ui/errors';

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {description && <p className="mt-1 max-w-3xl text-sm text-slate-500">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </header>
  );
}

export function Card({
  title,
  children,
  actions,
  testId,
}: {
  title?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white" data-testid={testId}>
      {(title || actions) && (
        <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-2.5">
          <h2 className="text-sm font-semibold">{title}</h2>
          {actions}
        </div>
      )}
      <div className="p-4">{children}</div>
    </section>
  );
}

/** Pretty JSON for inputs, outputs and audit snapshots (already redacted by the server). */
export function JsonView({ value, testId }: { value: unknown; testId?: string }) {
  if (value === null || value === undefined) return <span className="text-xs text-slate-400">—</span>;
  return (
    <pre
      className="max-h-72 overflow-auto rounded-md bg-slate-50 p-2 text-xs leading-relaxed text-slate-800"
      data-testid={testId}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** A validation error lists the fields and what is wrong with each; anything else shows its message. */
function describe(error: unknown): string {
  const issues = (error as { data?: { zodIssues?: Array<{ path: string; message: string }> | null } }).data
    ?.zodIssues;
  return issues?.length
    ? issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
    : messageOf(error);
}

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
      role="alert"
      data-testid="error-note"
    >
      {describe(error)}
    </p>
  );
}

export const formatDuration = (ms: number | null | undefined) =>
  ms === null || ms === undefined
    ? '—'
    : ms < 1000
      ? `${ms} ms`
      : ms < 60_000
        ? `${(ms / 1000).toFixed(1)} s`
        : `${Math.round(ms / 60_000)} min`;

export const formatTime = (d: Date | string | null | undefined) =>
  d ? new Date(d).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'medium' }) : '—';
