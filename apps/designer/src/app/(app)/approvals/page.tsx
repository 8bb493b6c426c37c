'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorNote, formatTime, PageHeader } from '../../../components/operate/page-header';
import { StatusBadge } from '../../../components/operate/status';
import { inputClass } from '../../../components/ui/field';
import { useTRPC } from '../../../lib/trpc';
import { Deadline, dealLine } from './summary';

export default function ApprovalsPage() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<'pending' | 'approved' | 'rejected' | 'expired'>('pending');
  const list = useQuery(trpc.approvals.list.queryOptions({ status }, { refetchInterval: 10_000 }));
  return (
    <div className="p-8">
      <PageHeader
        title="Approvals"
        description="Runs waiting for a person, such as deals over the approval threshold. Open one to see the deal and the order it will create."
      />
      <select
        aria-label="Status"
        className={`${inputClass} mb-4 w-auto`}
        value={status}
        onChange={(e) => setStatus(e.target.value as typeof status)}
      >
        <option value="pending">Waiting</option>
        <option value="approved">Approved</option>
        <option value="rejected">Rejected</option>
        <option value="expired">Expired</option>
      </select>
      <ErrorNote error={list.error} />
      {list.data?.length === 0 && (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-500">
          Nobody is waiting for you.
        </p>
      )}
      <ul
        className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white"
        data-testid="approvals-list"
      >
        {list.data?.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="approval-row">
            <StatusBadge status={a.status} />
            <Link href={`/approvals/${a.id}`} className="font-medium text-brand-700 hover:underline">
              {dealLine(a.summary) ?? a.run.flow.name}
            </Link>
            <span className="text-sm text-slate-600">{a.reason}</span>
            <span className="text-xs text-slate-500">
              {a.run.environment.name} · {a.run.searchKeys.join(' · ')} · requested{' '}
              {formatTime(a.requestedAt)}
            </span>
            <Deadline
              escalateAt={a.escalateAt}
              escalatedAt={a.escalatedAt}
              escalatedTo={a.escalatedTo}
              expiresAt={a.expiresAt}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
