'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EnvSelect } from '../../../components/operate/env-select';
import { ErrorNote, formatTime, PageHeader } from '../../../components/operate/page-header';
import { useCan } from '../../../components/operate/role';
import { Button } from '../../../components/ui/button';
import { useTRPC } from '../../../lib/trpc';
import { AddConnectionDialog, ReplaceSecretDialog } from './connection-forms';

interface Outcome {
  ok: boolean;
  explanation: string;
}

export default function ConnectionsPage() {
  const trpc = useTRPC();
  const can = useCan();
  const qc = useQueryClient();
  const [environmentId, setEnvironmentId] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [replacing, setReplacing] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const list = useQuery({
    ...trpc.connections.list.queryOptions({ environmentId: environmentId ?? '' }),
    enabled: Boolean(environmentId),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.connections.list.queryKey() });
  const test = useMutation(
    trpc.connections.test.mutationOptions({
      onSuccess: (r, v) => {
        setOutcomes((o) => ({ ...o, [v.id]: r }));
        void refresh();
      },
    }),
  );
  const remove = useMutation(trpc.connections.remove.mutationOptions({ onSuccess: refresh }));
  const rotate = useMutation(trpc.connections.rotateKeys.mutationOptions());

  return (
    <div className="p-8">
      <PageHeader
        title="Connections"
        description="How each environment reaches Streak and the Sage 100 gateway. Secrets are encrypted at rest and never shown again; replace them to change them."
        actions={
          <>
            <EnvSelect value={environmentId} onChange={setEnvironmentId} required />
            {can('administer') && (
              <>
                <Button variant="primary" onClick={() => setAdding(true)} data-testid="conn-add">
                  Add connection
                </Button>
                <Button
                  onClick={() => rotate.mutate({})}
                  disabled={rotate.isPending}
                  title="Re-encrypt every secret with the newest key"
                >
                  Rotate encryption key
                </Button>
              </>
            )}
          </>
        }
      />
      {rotate.data && (
        <p className="mb-3 text-sm text-emerald-700">
          Re-encrypted {rotate.data.rotated} secrets with key {rotate.data.activeKeyId}.
        </p>
      )}
      <ErrorNote error={list.error ?? remove.error ?? test.error ?? rotate.error} />
      {list.data?.length === 0 && (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-500">
          No connections in this environment yet.
        </p>
      )}
      <ul className="space-y-3" data-testid="conn-list">
        {list.data?.map((c) => {
          const config = c.config as { baseUrl?: string; company?: string };
          const outcome = outcomes[c.id];
          return (
            <li
              key={c.id}
              className="rounded-xl border border-slate-200 bg-white p-4"
              data-testid="conn-item"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div>
                  <div className="font-medium">{c.name}</div>
                  <div className="text-xs text-slate-500">
                    {c.kind === 'streak' ? 'Streak (API key)' : 'Sage 100 gateway (URL + token)'} ·{' '}
                    {config.baseUrl ?? 'api.streak.com'}
                    {config.company ? ` · company ${config.company}` : ''} · secret{' '}
                    <span data-testid="conn-secret">{c.secretSet ? '•••••••• set' : 'missing'}</span> (key{' '}
                    {c.secretKeyId})
                  </div>
                </div>
                <div className="flex gap-2">
                  {can('build') && (
                    <Button
                      size="sm"
                      onClick={() => test.mutate({ id: c.id })}
                      disabled={test.isPending}
                      data-testid="conn-test"
                    >
                      Test connection
                    </Button>
                  )}
                  {can('administer') && (
                    <>
                      <Button size="sm" onClick={() => setReplacing(c.id)}>
                        Replace secret
                      </Button>
                      <Button
                        size="sm"
                        variant="danger"
                        onClick={() =>
                          confirm(`Delete ${c.name}? Flows in this environment that use it will fail.`) &&
                          remove.mutate({ id: c.id })
                        }
                      >
                        Delete
                      </Button>
                    </>
                  )}
                </div>
              </div>
              {(outcome ?? c.lastTestedAt) && (
                <p
                  className={`mt-2 rounded-md px-3 py-2 text-sm ${(outcome?.ok ?? c.lastTestOk) ? 'bg-emerald-50 text-emerald-900' : 'bg-red-50 text-red-900'}`}
                  data-testid="conn-test-result"
                >
                  {outcome?.explanation ??
                    (c.lastTestOk
                      ? `Worked on ${formatTime(c.lastTestedAt)}.`
                      : `${c.lastTestError ?? 'Failed'} (tested ${formatTime(c.lastTestedAt)})`)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {adding && environmentId && (
        <AddConnectionDialog
          environmentId={environmentId}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            void refresh();
          }}
        />
      )}
      {replacing && (
        <ReplaceSecretDialog
          id={replacing}
          onClose={() => setReplacing(null)}
          onDone={() => {
            setReplacing(null);
            void refresh();
          }}
        />
      )}
    </div>
  );
}
