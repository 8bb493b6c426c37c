'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { EnvSelect } from '../../../components/operate/env-select';
import { ErrorNote, formatDuration, formatTime, PageHeader } from '../../../components/operate/page-header';
import { StatusBadge } from '../../../components/operate/status';
import { Button } from '../../../components/ui/button';
import { inputClass } from '../../../components/ui/field';
import { useTRPC } from '../../../lib/trpc';

const STATUSES = [
  'queued',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'dead_lettered',
  'cancelled',
] as const;
type Status = (typeof STATUSES)[number];

export default function RunsPage() {
  const trpc = useTRPC();
  const [environmentId, setEnvironmentId] = useState<string>();
  const [flowId, setFlowId] = useState<string>();
  const [status, setStatus] = useState<Status | ''>('');
  const [triggerKind, setTriggerKind] = useState('');
  const [from, setFrom] = useState('');
  const [search, setSearch] = useState('');
  const [submitted, setSubmitted] = useState('');
  const flows = useQuery(trpc.deployments.overview.queryOptions());
  const filter = {
    ...(environmentId ? { environmentId } : {}),
    ...(flowId ? { flowId } : {}),
    ...(status ? { status: [status] } : {}),
    ...(triggerKind ? { triggerKind } : {}),
    ...(from ? { from: new Date(from) } : {}),
    ...(submitted ? { search: submitted } : {}),
  };
  const runs = useInfiniteQuery(
    trpc.runs.list.infiniteQueryOptions(
      { filter, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, refetchInterval: 10_000 },
    ),
  );
  const rows = runs.data?.pages.flatMap((p) => p.runs) ?? [];

  return (
    <div className="p-8">
      <PageHeader
        title="Runs"
        description="Every time a flow ran: find one by box key, order or customer number, open it to see each step, and retry what failed."
      />
      <form
        className="mb-4 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(search.trim());
        }}
      >
        <input
          aria-label="Search keys"
          placeholder="Box key, order no., customer no. or run id"
          className={`${inputClass} w-80`}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="runs-search"
        />
        <EnvSelect value={environmentId} onChange={setEnvironmentId} />
        <select
          aria-label="Flow"
          className={`${inputClass} w-auto`}
          value={flowId ?? ''}
          onChange={(e) => setFlowId(e.target.value || undefined)}
        >
          <option value="">All flows</option>
          {flows.data?.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Status"
          className={`${inputClass} w-auto`}
          value={status}
          onChange={(e) => setStatus(e.target.value as Status | '')}
          data-testid="runs-status"
        >
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.replace('_', ' ')}
            </option>
          ))}
        </select>
        <select
          aria-label="Trigger"
          className={`${inputClass} w-auto`}
          value={triggerKind}
          onChange={(e) => setTriggerKind(e.target.value)}
        >
          <option value="">Any trigger</option>
          {['webhook', 'changeFeed', 'schedule', 'manual', 'rerun'].map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <input
          aria-label="Started after"
          type="datetime-local"
          className={`${inputClass} w-auto`}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <Button type="submit" variant="primary" data-testid="runs-search-submit">
          Search
        </Button>
      </form>
      <ErrorNote error={runs.error} />
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="runs-table">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
            <tr>
              <th className="px-3 py-2 font-medium">Status</th>
              <th className="px-3 py-2 font-medium">Flow</th>
              <th className="px-3 py-2 font-medium">Environment</th>
              <th className="px-3 py-2 font-medium">Keys</th>
              <th className="px-3 py-2 font-medium">Trigger</th>
              <th className="px-3 py-2 font-medium">Started</th>
              <th className="px-3 py-2 font-medium">Duration</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} className="hover:bg-slate-50" data-testid="run-row">
                <td className="px-3 py-2">
                  <StatusBadge status={r.status} />
                </td>
                <td className="px-3 py-2">
                  <Link href={`/runs/${r.id}`} className="font-medium text-brand-700 hover:underline">
                    {r.flow.name}
                  </Link>
                  <span className="ml-1 text-xs text-slate-400">v{r.flowVersion.number}</span>
                  {r.error && <div className="max-w-md truncate text-xs text-red-700">{r.error}</div>}
                </td>
                <td className="px-3 py-2">{r.environment.name}</td>
                <td className="px-3 py-2 font-mono text-xs">{r.searchKeys.join(' · ')}</td>
                <td className="px-3 py-2">{r.triggerKind}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatTime(r.startedAt)}</td>
                <td className="px-3 py-2">{formatDuration(r.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!runs.isLoading && rows.length === 0 && (
          <p className="p-8 text-center text-sm text-slate-500" data-testid="runs-empty">
            No runs match these filters.
          </p>
        )}
      </div>
      {runs.hasNextPage && (
        <div className="mt-3 text-center">
          <Button onClick={() => runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
            {runs.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </div>
  );
}
