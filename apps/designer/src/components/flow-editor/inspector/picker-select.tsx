'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';
import { messageOf } from '../../ui/errors';
import { inputClass } from '../../ui/field';

/** A select whose options a connector loads on the server with the stored connection. */
export function PickerSelect({ id, connectionId, source, params, value, onChange, testId }: { id: string; connectionId: string | undefined; source: string; params: Record<string, string>; value: string; onChange: (v: string) => void; testId?: string }) {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.catalog.picker.queryOptions({ connectionId: connectionId ?? '00000000-0000-4000-8000-000000000000', source, params }), enabled: Boolean(connectionId), staleTime: 60_000, retry: false });
  if (!connectionId) return <p className="text-xs text-amber-700">Choose a connection first.</p>;
  return (
    <>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass} disabled={q.isLoading} data-testid={testId}>
        <option value="">{q.isLoading ? 'Loading…' : '— choose —'}</option>
        {q.data?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.group ? `${o.label} (${o.group})` : o.label}
          </option>
        ))}
        {value && q.data && !q.data.some((o) => o.value === value) && <option value={value}>{value} (not found)</option>}
      </select>
      {q.isError && <p className="text-xs text-red-700" role="alert">{messageOf(q.error)}</p>}
    </>
  );
}
