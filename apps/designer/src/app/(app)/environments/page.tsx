'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Card, ErrorNote, PageHeader } from '../../../components/operate/page-header';
import { useCan } from '../../../components/operate/role';
import { Button } from '../../../components/ui/button';
import { useTRPC } from '../../../lib/trpc';
import { DeploymentMatrix } from './deployment-matrix';
import { EnvironmentDialog, NewEnvironmentDialog } from './environment-forms';
import { TransferButtons } from './transfer';

export default function EnvironmentsPage() {
  const trpc = useTRPC();
  const can = useCan();
  const envs = useQuery(trpc.environments.list.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <div className="space-y-6 p-8">
      <PageHeader
        title="Environments"
        description="Each environment has its own connections, variables, webhook endpoint and deployed flow versions. Promote a version forward with a diff; protected environments need an owner or admin."
        actions={
          <>
            <TransferButtons />
            {can('administer') && (
              <Button onClick={() => setAdding(true)} data-testid="env-add">
                Add environment
              </Button>
            )}
          </>
        }
      />
      <ErrorNote error={envs.error} />
      <div className="grid gap-4 md:grid-cols-3">
        {envs.data?.map((e) => (
          <EnvironmentCard
            key={e.id}
            id={e.id}
            onEdit={can('administer') ? () => setEditing(e.id) : undefined}
          />
        ))}
      </div>
      {envs.data && (
        <Card title="Deployed versions">
          <DeploymentMatrix environments={envs.data} />
        </Card>
      )}
      {editing && <EnvironmentDialog id={editing} onClose={() => setEditing(null)} />}
      {adding && <NewEnvironmentDialog onClose={() => setAdding(false)} />}
    </div>
  );
}

function EnvironmentCard({ id, onEdit }: { id: string; onEdit?: () => void }) {
  const trpc = useTRPC();
  const env = useQuery(trpc.environments.get.queryOptions({ id }));
  const e = env.data;
  if (!e) return <div className="h-40 animate-pulse rounded-xl bg-slate-100" />;
  return (
    <Card
      testId={`env-card-${e.key}`}
      title={
        <span className="flex items-center gap-2">
          {e.name} <span className="font-mono text-xs text-slate-400">{e.key}</span>
          {e.isProtected && (
            <span className="rounded-full bg-amber-100 px-2 text-xs text-amber-800">protected</span>
          )}
        </span>
      }
      actions={
        onEdit && (
          <Button size="sm" variant="ghost" onClick={onEdit} data-testid={`env-edit-${e.key}`}>
            Edit
          </Button>
        )
      }
    >
      <dl className="space-y-1 text-xs">
        <div>
          <dt className="inline text-slate-500">Webhook endpoint: </dt>
          <dd className="inline font-mono break-all">{e.webhookUrl}</dd>
        </div>
        <div>
          <dt className="inline text-slate-500">Connections: </dt>
          <dd className="inline">{e.connections.map((c) => c.name).join(', ') || 'none'}</dd>
        </div>
        <div>
          <dt className="inline text-slate-500">Run retention: </dt>
          <dd className="inline">{e.runRetentionDays} days</dd>
        </div>
        <div>
          <dt className="text-slate-500">Variables:</dt>
          <dd>
            <ul className="font-mono" data-testid={`env-vars-${e.key}`}>
              {Object.entries(e.variables as Record<string, unknown>).map(([k, v]) => (
                <li key={k}>
                  {k} = {JSON.stringify(v)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </Card>
  );
}
