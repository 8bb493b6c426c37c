'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc';
import { Button } from '../ui/button';
import { messageOf } from '../ui/errors';
import { VersionDiffDialog } from './version-diff';

/** Version history; pick any two versions to compare. */
export function HistoryPanel({ flowId }: { flowId: string }) {
  const trpc = useTRPC();
  const versions = useQuery(trpc.versions.list.queryOptions({ flowId }));
  const [picked, setPicked] = useState<number[]>([]);
  const [comparing, setComparing] = useState<[number, number] | null>(null);
  const toggle = (n: number) => setPicked((p) => (p.includes(n) ? p.filter((x) => x !== n) : [...p.slice(-1), n]));
  const list = versions.data ?? [];
  return (
    <div className="space-y-3 p-4" data-testid="history">
      <h2 className="text-sm font-semibold">Version history</h2>
      {versions.isError && <p className="text-xs text-red-700">{messageOf(versions.error)}</p>}
      {list.length === 0 && <p className="text-sm text-slate-600">No versions yet. “Save version” freezes the draft as version 1.</p>}
      {list.length >= 2 && <p className="text-xs text-slate-600">Tick two versions and compare them.</p>}
      <ul className="space-y-1.5">
        {list.map((v) => (
          <li key={v.id} className="flex items-start gap-2 rounded border border-slate-200 p-2 text-xs" data-testid="version-item">
            <input type="checkbox" checked={picked.includes(v.number)} onChange={() => toggle(v.number)} aria-label={`Pick version ${v.number} to compare`} data-testid={`version-pick-${v.number}`} />
            <div>
              <div className="font-semibold">
                v{v.number} · {v.message}
              </div>
              <div className="text-slate-600">
                {new Date(v.createdAt).toLocaleString()}
                {v.author ? ` · ${v.author}` : ''} · <span className="font-mono">{v.contentHash.slice(0, 8)}</span>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <Button size="sm" variant="primary" disabled={picked.length !== 2} onClick={() => setComparing([Math.min(...picked), Math.max(...picked)] as [number, number])} data-testid="version-compare">
          Compare
        </Button>
        {list.length >= 2 && (
          <Button size="sm" onClick={() => setComparing([list[1]!.number, list[0]!.number])} data-testid="version-compare-latest">
            Latest vs previous
          </Button>
        )}
      </div>
      {comparing && <VersionDiffDialog flowId={flowId} numbers={comparing} onClose={() => setComparing(null)} />}
    </div>
  );
}
