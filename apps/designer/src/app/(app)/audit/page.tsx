'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote, formatTime, JsonView, PageHeader } from '../../../components/operate/page-header';
import { Button } from '../../../components/ui/button';
import { inputClass } from '../../../components/ui/field';
import { useTRPC } from '../../../lib/trpc';

export default function AuditPage() {
  const trpc = useTRPC();
  const [action, setAction] = useState('');
  const [actorEmail, setActorEmail] = useState('');
  const log = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { ...(action ? { action } : {}), ...(actorEmail ? { actorEmail } : {}), limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = log.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <div className="p-8">
      <PageHeader
        title="Audit log"
        description="Who did what, when and from where; configuration changes keep their before and after (secrets are never recorded)."
      />
      <div className="mb-4 flex gap-2">
        <input
          aria-label="Action"
          placeholder="Action, e.g. flow.promote"
          className={`${inputClass} w-64`}
          value={action}
          onChange={(e) => setAction(e.target.value)}
          data-testid="audit-action"
        />
        <input
          aria-label="Person"
          placeholder="Email"
          className={`${inputClass} w-64`}
          value={actorEmail}
          onChange={(e) => setActorEmail(e.target.value)}
        />
      </div>
      <ErrorNote error={log.error} />
      <ul
        className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white"
        data-testid="audit-list"
      >
        {rows.map((r) => (
          <li key={r.id} className="px-4 py-2" data-testid="audit-entry">
            <details>
              <summary className="flex cursor-pointer flex-wrap items-center gap-3 text-sm">
                <span className="font-mono font-medium">{r.action}</span>
                <span>{r.actorEmail ?? 'system'}</span>
                <span className="text-xs text-slate-500">
                  {r.targetType} {r.targetId?.slice(0, 8)} · {formatTime(r.createdAt)} · from{' '}
                  {r.ip ?? 'unknown address'}
                </span>
              </summary>
              <div className="mt-2 grid gap-2 md:grid-cols-2">
                <div>
                  <div className="text-xs font-semibold text-slate-600">Before</div>
                  <JsonView value={r.before} />
                </div>
                <div>
                  <div className="text-xs font-semibold text-slate-600">After</div>
                  <JsonView value={r.after} />
                </div>
              </div>
            </details>
          </li>
        ))}
      </ul>
      {!log.isLoading && rows.length === 0 && (
        <p className="p-6 text-center text-sm text-slate-500">No entries match.</p>
      )}
      {log.hasNextPage && (
        <div className="mt-3 text-center">
          <Button onClick={() => log.fetchNextPage()}>Older entries</Button>
        </div>
      )}
    </div>
  );
}
