'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote } from '../../../components/operate/page-header';
import { useCan } from '../../../components/operate/role';
import { Button } from '../../../components/ui/button';
import { useTRPC } from '../../../lib/trpc';
import { PromoteDialog } from './promote-dialog';
import { RunNow } from './run-now';

interface Env {
  id: string;
  key: string;
  name: string;
  isProtected: boolean;
}

/** Flows × environments: the live version in each cell, promote to the next one, roll back, deploy. */
export function DeploymentMatrix({ environments }: { environments: Env[] }) {
  const trpc = useTRPC();
  const can = useCan();
  const qc = useQueryClient();
  const overview = useQuery(trpc.deployments.overview.queryOptions());
  const [promoting, setPromoting] = useState<{ flowId: string; from: Env; to: Env } | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const refresh = (r: { warnings: string[] }) => {
    setMessages(r.warnings);
    void qc.invalidateQueries({ queryKey: trpc.deployments.pathKey() });
    void qc.invalidateQueries({ queryKey: trpc.environments.pathKey() });
  };
  const deploy = useMutation(trpc.deployments.deploy.mutationOptions({ onSuccess: refresh }));
  const rollback = useMutation(trpc.deployments.rollback.mutationOptions({ onSuccess: refresh }));
  const undeploy = useMutation(trpc.deployments.undeploy.mutationOptions({ onSuccess: refresh }));
  const mayDeployTo = (e: Env) => can('build') && (!e.isProtected || can('administer'));
  if (overview.data?.length === 0)
    return (
      <p className="text-sm text-slate-500">No flows yet. Save a version of a flow, then deploy it here.</p>
    );
  return (
    <div>
      <ErrorNote error={overview.error ?? deploy.error ?? rollback.error ?? undeploy.error} />
      {messages.map((m) => (
        <p key={m} className="mb-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {m}
        </p>
      ))}
      <table className="w-full text-left text-sm" data-testid="deploy-matrix">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Flow</th>
            {environments.map((e) => (
              <th key={e.id} className="py-2 pr-3 font-medium">
                {e.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {overview.data?.map((f) => (
            <tr key={f.id} data-testid={`deploy-row-${f.name}`}>
              <td className="py-2 pr-3 font-medium">{f.name}</td>
              {environments.map((e, i) => {
                const live = f.live[e.id];
                const next = environments[i + 1];
                return (
                  <td key={e.id} className="py-2 pr-3 align-top" data-testid={`cell-${e.key}`}>
                    <div className="font-mono text-sm" data-testid={`live-${e.key}`}>
                      {live ? `v${live.version}` : '—'}
                    </div>
                    {mayDeployTo(e) && (
                      <div className="mt-1 flex flex-wrap gap-1">
                        {i === 0 && f.versions.length > 0 && (
                          <select
                            aria-label={`Deploy a version of ${f.name} to ${e.name}`}
                            className="rounded border border-slate-300 px-1 py-0.5 text-xs"
                            value=""
                            onChange={(ev) =>
                              ev.target.value &&
                              deploy.mutate({ environmentId: e.id, flowVersionId: ev.target.value })
                            }
                            data-testid={`deploy-select-${e.key}`}
                          >
                            <option value="">Deploy…</option>
                            {f.versions.map((v) => (
                              <option key={v.id} value={v.id}>
                                v{v.number} {v.message}
                              </option>
                            ))}
                          </select>
                        )}
                        {live && (
                          <>
                            <RunNow flowId={f.id} environmentId={e.id} environmentKey={e.key} />
                            <Button
                              size="sm"
                              variant="ghost"
                              onClick={() => rollback.mutate({ environmentId: e.id, flowId: f.id })}
                              data-testid={`rollback-${e.key}`}
                            >
                              Roll back
                            </Button>
                            <Button
                              size="sm"
                              variant="ghost"
                              onClick={() => undeploy.mutate({ environmentId: e.id, flowId: f.id })}
                            >
                              Undeploy
                            </Button>
                          </>
                        )}
                      </div>
                    )}
                    {live && next && mayDeployTo(next) && (
                      <Button
                        size="sm"
                        className="mt-1"
                        onClick={() => setPromoting({ flowId: f.id, from: e, to: next })}
                        data-testid={`promote-${e.key}-${next.key}`}
                      >
                        Promote to {next.name} →
                      </Button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {promoting && (
        <PromoteDialog
          flowId={promoting.flowId}
          from={promoting.from}
          to={promoting.to}
          onClose={() => setPromoting(null)}
          onDone={(r) => {
            setPromoting(null);
            refresh(r);
          }}
        />
      )}
    </div>
  );
}
