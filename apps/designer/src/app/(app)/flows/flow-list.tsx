'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { messageOf } from '../../../components/ui/errors';
import { NewFlowDialog } from './new-flow-dialog';

interface Props {
  environments: Array<{ key: string; name: string }>;
  templates: Array<{ key: string; name: string; description: string }>;
  canBuild: boolean;
}

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

export function FlowList({ environments, templates, canBuild }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [environmentKey, setEnvironmentKey] = useState(environments[0]?.key ?? 'dev');
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const flows = useQuery(trpc.flows.list.queryOptions({ environmentKey, includeArchived: showArchived }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
  const duplicate = useMutation(trpc.flows.duplicate.mutationOptions({ onSuccess: (f) => router.push(`/flows/${f.id}`), onError: (e) => setError(messageOf(e)) }));
  const archive = useMutation(trpc.flows.archive.mutationOptions({ onSuccess: refresh, onError: (e) => setError(messageOf(e)) }));

  return (
    <>
      <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Flows</h1>
          <p className="text-sm text-slate-500">Draw how deals, orders, customers and payments move between Streak and Sage 100.</p>
        </div>
        <div className="flex items-end gap-3">
          <div>
            <label htmlFor="flow-env" className="block text-xs font-medium text-slate-600">
              Environment
            </label>
            <select id="flow-env" value={environmentKey} onChange={(e) => setEnvironmentKey(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm" data-testid="flows-env">
              {environments.map((e) => (
                <option key={e.key} value={e.key}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
          <label className="flex items-center gap-1.5 pb-1.5 text-sm text-slate-600">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
          </label>
          {canBuild && (
            <Button variant="primary" onClick={() => setCreating(true)} data-testid="flow-new">
              New flow
            </Button>
          )}
        </div>
      </header>
      {error && (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {flows.isError && <p role="alert" className="text-sm text-red-700">{messageOf(flows.error)}</p>}
      {flows.data?.length === 0 ? (
        <EmptyState title="No flows yet" testId="flows-empty" action={canBuild && <Button variant="primary" onClick={() => setCreating(true)}>Create your first flow</Button>}>
          Start from a template such as “Closed-Won → Sales Order”, or draw one from scratch.
        </EmptyState>
      ) : (
        <table className="w-full overflow-hidden rounded-xl border border-slate-200 bg-white text-sm" data-testid="flows-list">
          <thead className="bg-slate-50 text-left text-xs text-slate-600 uppercase">
            <tr>
              <th className="px-4 py-2 font-medium">Flow</th>
              <th className="px-4 py-2 font-medium">Status in {environments.find((e) => e.key === environmentKey)?.name}</th>
              <th className="px-4 py-2 font-medium">Last run</th>
              <th className="px-4 py-2 font-medium">Success (30 days)</th>
              <th className="px-4 py-2 font-medium">Versions</th>
              <th className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {flows.data?.map((f) => (
              <tr key={f.id} data-testid="flow-row" className={f.archivedAt ? 'opacity-60' : ''}>
                <td className="px-4 py-3">
                  <Link href={`/flows/${f.id}`} className="font-medium text-brand-700 hover:underline" data-testid="flow-open">
                    {f.name}
                  </Link>
                  <div className="max-w-md truncate text-xs text-slate-500">{f.description}</div>
                </td>
                <td className="px-4 py-3" data-testid="flow-status">
                  {f.archivedAt ? 'Archived' : f.deployedVersion ? <span className="rounded bg-emerald-50 px-2 py-0.5 text-emerald-800">Deployed v{f.deployedVersion}</span> : <span className="text-slate-500">Not deployed</span>}
                </td>
                <td className="px-4 py-3 text-slate-600">{f.lastRun ? `${new Date(f.lastRun.startedAt).toLocaleString()} · ${f.lastRun.status.replace('_', ' ')}` : 'Never'}</td>
                <td className="px-4 py-3 text-slate-600">
                  {pct(f.successRate)} {f.runs30d > 0 && <span className="text-xs text-slate-500">of {f.runs30d}</span>}
                </td>
                <td className="px-4 py-3 text-slate-600">{f._count.versions}</td>
                <td className="px-4 py-3 text-right whitespace-nowrap">
                  {canBuild && (
                    <>
                      <Button size="sm" variant="ghost" onClick={() => duplicate.mutate({ id: f.id })} aria-label={`Duplicate ${f.name}`}>
                        Duplicate
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => archive.mutate({ id: f.id, archived: !f.archivedAt })} aria-label={`${f.archivedAt ? 'Restore' : 'Archive'} ${f.name}`}>
                        {f.archivedAt ? 'Restore' : 'Archive'}
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewFlowDialog open={creating} onClose={() => setCreating(false)} templates={templates} />
    </>
  );
}
