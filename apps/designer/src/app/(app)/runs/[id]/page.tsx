'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams, useRouter } from 'next/navigation';
import {
  Card,
  ErrorNote,
  formatDuration,
  formatTime,
  PageHeader,
} from '../../../../components/operate/page-header';
import { useCan } from '../../../../components/operate/role';
import { RunGraph } from '../../../../components/operate/run-graph';
import { StatusBadge } from '../../../../components/operate/status';
import { Button } from '../../../../components/ui/button';
import { useTRPC } from '../../../../lib/trpc';
import { LoopProgress } from './loop-progress';
import { StepTimeline } from './step-timeline';

const ACTIVE = ['queued', 'running', 'waiting'];

/** Node labels by id from a stored graph (the progress bar names loops as the canvas does). */
const nodeLabels = (graph: unknown): Record<string, string> =>
  Object.fromEntries(((graph as { nodes?: Array<{ id: string; label?: string }> }).nodes ?? []).map((n) => [n.id, n.label || n.id]));

export default function RunPage() {
  const { id } = useParams<{ id: string }>();
  const trpc = useTRPC();
  const can = useCan();
  const router = useRouter();
  const qc = useQueryClient();
  // Live while the run is in progress; a finished run does not change any more.
  const run = useQuery(
    trpc.runs.get.queryOptions(
      { id },
      { refetchInterval: (q) => (q.state.data && ACTIVE.includes(q.state.data.status) ? 2000 : false) },
    ),
  );
  const done = () => qc.invalidateQueries({ queryKey: trpc.runs.get.queryKey({ id }) });
  const retry = useMutation(trpc.runs.retry.mutationOptions({ onSuccess: done }));
  const rerun = useMutation(
    trpc.runs.rerun.mutationOptions({ onSuccess: (r) => router.push(`/runs/${r.runId}`) }),
  );
  const cancel = useMutation(trpc.runs.cancel.mutationOptions({ onSuccess: done }));

  if (run.error)
    return (
      <div className="p-8">
        <ErrorNote error={run.error} />
      </div>
    );
  const r = run.data;
  if (!r) return <div className="p-8 text-sm text-slate-500">Loading run…</div>;
  const statusByNode = Object.fromEntries(r.steps.map((s) => [s.nodeId, s.status]));
  const failed = r.status === 'failed' || r.status === 'dead_lettered';
  const busy = retry.isPending || rerun.isPending || cancel.isPending;

  return (
    <div className="space-y-5 p-8">
      <PageHeader
        title={`${r.flow.name} · v${r.flowVersion.number}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={r.status} testId="run-status" /> in {r.environment.name} · started{' '}
            {formatTime(r.startedAt)} · {formatDuration(r.durationMs)} · trigger {r.triggerKind}
            {r.traceId && <TraceLink traceId={r.traceId} href={r.traceUrl} />}
          </span>
        }
        actions={
          can('build') && (
            <>
              {failed && (
                <Button
                  variant="primary"
                  disabled={busy}
                  onClick={() => retry.mutate({ runId: r.id })}
                  data-testid="run-retry"
                >
                  Retry from failed step
                </Button>
              )}
              {!ACTIVE.includes(r.status) && (
                <Button disabled={busy} onClick={() => rerun.mutate({ runId: r.id })} data-testid="run-rerun">
                  Re-run with current version
                </Button>
              )}
              {ACTIVE.includes(r.status) && (
                <Button
                  variant="danger"
                  disabled={busy}
                  onClick={() => cancel.mutate({ runId: r.id })}
                  data-testid="run-cancel"
                >
                  Cancel run
                </Button>
              )}
            </>
          )
        }
      />
      <ErrorNote error={retry.error ?? rerun.error ?? cancel.error} />
      {r.error && (
        <p
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          data-testid="run-error"
        >
          {r.error}
        </p>
      )}
      {r.links.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="run-links">
          {r.links.map((l) => (
            <li key={`${l.kind}:${l.key}`} className="rounded-md border border-slate-200 bg-white px-2 py-1">
              <span className="text-slate-500">{l.kind}: </span>
              {l.href ? (
                <a
                  href={l.href}
                  target="_blank"
                  rel="noreferrer"
                  className="font-mono text-brand-700 hover:underline"
                >
                  {l.key}
                </a>
              ) : (
                <span className="font-mono">{l.key}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <LoopProgress runId={r.id} active={ACTIVE.includes(r.status)} labels={nodeLabels(r.flowVersion.graph)} />
      <Card title="Graph">
        <RunGraph graph={r.flowVersion.graph} statusByNode={statusByNode} />
      </Card>
      {r.deadLetters.length > 0 && (
        <Card title="Dead letters" testId="run-dead-letters">
          <ul className="space-y-2 text-sm">
            {r.deadLetters.map((d) => (
              <li key={d.id}>
                <StatusBadge status={d.status} /> <span className="font-mono text-xs">{d.reasonCode}</span>{' '}
                {d.message}
                <div className="text-slate-600">Fix: {d.suggestion}</div>
              </li>
            ))}
          </ul>
          <Link href="/dead-letters" className="mt-2 inline-block text-sm text-brand-700 hover:underline">
            Open dead letters →
          </Link>
        </Card>
      )}
      {r.approvals.map((a) => (
        <Card key={a.id} title="Approval">
          <StatusBadge status={a.status} /> {a.reason}{' '}
          <Link href={`/approvals/${a.id}`} className="text-brand-700 hover:underline">
            Open →
          </Link>
        </Card>
      ))}
      <Card title="Steps">
        <StepTimeline steps={r.steps} />
      </Card>
    </div>
  );
}

/** The run's OpenTelemetry trace: a link when TRACE_URL_TEMPLATE names a trace UI, else the id to paste into one. */
function TraceLink({ traceId, href }: { traceId: string; href: string | null }) {
  return (
    <span data-testid="run-trace">
      · trace{' '}
      {href ? (
        <a href={href} target="_blank" rel="noreferrer" className="font-mono text-brand-700 hover:underline">
          {traceId.slice(0, 12)}…
        </a>
      ) : (
        <span className="font-mono" title="Set TRACE_URL_TEMPLATE to link traces to Jaeger, Tempo or another trace UI">
          {traceId}
        </span>
      )}
    </span>
  );
}
