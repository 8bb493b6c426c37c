'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc';
import { Button } from '../ui/button';
import { messageOf } from '../ui/errors';
import type { Suggestion, SuggestionRequest } from './suggest-types';

/** Asks the suggestion provider for mappings; each proposal is accepted or rejected by the user. */
export function Suggestions({ request, onAccept }: { request: () => SuggestionRequest; onAccept: (s: Suggestion) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [list, setList] = useState<Suggestion[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ask = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await queryClient.fetchQuery({ ...trpc.mapping.suggest.queryOptions(request()), staleTime: 0 });
      setList(r.suggestions);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const drop = (s: Suggestion) => setList((l) => l?.filter((x) => x !== s) ?? null);
  return (
    <section aria-label="Suggestions" className="space-y-2" data-testid="suggestions">
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-semibold text-slate-700">Suggestions</h3>
        <Button size="sm" onClick={ask} disabled={busy} data-testid="suggest">
          {busy ? 'Thinking…' : list ? 'Suggest again' : 'Suggest mappings'}
        </Button>
      </div>
      {error && <p className="text-xs text-red-700" role="alert">{error}</p>}
      {list?.length === 0 && <p className="text-xs text-slate-600">No more suggestions: every target is mapped or nothing matches well enough.</p>}
      <ul className="space-y-1.5">
        {list?.map((s) => (
          <li key={`${s.target}-${s.source}`} className="rounded-md border border-slate-200 bg-white p-2 text-xs" data-testid="suggestion" data-target={s.target}>
            <div className="font-mono">
              {s.target} ← {s.source}
              {s.transforms?.map((t) => ` | ${t.fn}`)}
              {s.expression && ` → ${s.expression}`}
            </div>
            <div className="mt-0.5 text-slate-600">
              <span className="font-semibold">{Math.round(s.confidence * 100)}%</span> · {s.reason}
            </div>
            <div className="mt-1 flex gap-1">
              <Button size="sm" variant="primary" onClick={() => (onAccept(s), drop(s))} aria-label={`Accept ${s.target} from ${s.source}`} data-testid="suggestion-accept">
                Accept
              </Button>
              <Button size="sm" variant="ghost" onClick={() => drop(s)} aria-label={`Reject ${s.target} from ${s.source}`} data-testid="suggestion-reject">
                Reject
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
