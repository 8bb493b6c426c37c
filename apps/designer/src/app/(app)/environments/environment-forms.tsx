'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote } from '../../../components/operate/page-header';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field, inputClass } from '../../../components/ui/field';
import { useTRPC } from '../../../lib/trpc';

export function EnvironmentDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const env = useQuery(trpc.environments.get.queryOptions({ id }));
  const e = env.data;
  const [name, setName] = useState<string>();
  const [isProtected, setProtected] = useState<boolean>();
  const [retention, setRetention] = useState<string>();
  const [vars, setVars] = useState<string>();
  const [allowlist, setAllowlist] = useState<string>();
  const [parseError, setParseError] = useState<string | null>(null);
  const update = useMutation(
    trpc.environments.update.mutationOptions({
      onSuccess: () => {
        void qc.invalidateQueries({ queryKey: trpc.environments.pathKey() });
        onClose();
      },
    }),
  );
  const prune = useMutation(trpc.environments.pruneRuns.mutationOptions());
  if (!e) return null;
  const save = () => {
    let variables: Record<string, string | number | boolean | null>;
    try {
      variables = JSON.parse(vars ?? JSON.stringify(e.variables)) as typeof variables;
    } catch {
      setParseError('Variables must be a JSON object, e.g. {"approvalThreshold": 10000}.');
      return;
    }
    setParseError(null);
    update.mutate({
      id,
      settings: {
        name: name ?? e.name,
        isProtected: isProtected ?? e.isProtected,
        runRetentionDays: Number(retention ?? e.runRetentionDays),
        variables,
        ipAllowlist: (allowlist ?? e.ipAllowlist.join('\n')).split(/[\s,]+/).filter(Boolean),
      },
    });
  };
  return (
    <Dialog open onClose={onClose} title={`Edit ${e.name}`} testId="env-dialog">
      <div className="space-y-3">
        <ErrorNote error={update.error ?? (parseError ? { message: parseError } : null)} />
        <Field label="Name">
          {(fid) => (
            <input
              id={fid}
              className={inputClass}
              value={name ?? e.name}
              onChange={(ev) => setName(ev.target.value)}
            />
          )}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={isProtected ?? e.isProtected}
            onChange={(ev) => setProtected(ev.target.checked)}
          />{' '}
          Protected (only owners and admins deploy here)
        </label>
        <Field
          label="Keep runs for (days)"
          help="Older finished runs are pruned; runs with open dead letters are kept."
        >
          {(fid) => (
            <input
              id={fid}
              type="number"
              min={1}
              className={inputClass}
              value={retention ?? String(e.runRetentionDays)}
              onChange={(ev) => setRetention(ev.target.value)}
              data-testid="env-retention"
            />
          )}
        </Field>
        <Field label="Variables (JSON)" help="Flows read these, e.g. approvalThreshold or priceLevel.">
          {(fid) => (
            <textarea
              id={fid}
              rows={6}
              className={`${inputClass} font-mono`}
              value={vars ?? JSON.stringify(e.variables, null, 2)}
              onChange={(ev) => setVars(ev.target.value)}
              data-testid="env-variables"
            />
          )}
        </Field>
        <Field
          label="Webhook IP allowlist"
          help="One IP address or CIDR range per line (e.g. 203.0.113.0/24). Empty accepts webhooks from anywhere; others get 403 before their body is read."
        >
          {(fid) => (
            <textarea
              id={fid}
              rows={3}
              className={`${inputClass} font-mono`}
              value={allowlist ?? e.ipAllowlist.join('\n')}
              onChange={(ev) => setAllowlist(ev.target.value)}
              data-testid="env-ip-allowlist"
            />
          )}
        </Field>
        <div className="flex items-center justify-between gap-2">
          <Button size="sm" variant="ghost" onClick={() => prune.mutate({ id })} disabled={prune.isPending}>
            {prune.data ? `Pruned ${prune.data.deleted} runs` : 'Prune old runs now'}
          </Button>
          <div className="flex gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="primary" onClick={save} disabled={update.isPending} data-testid="env-save">
              Save
            </Button>
          </div>
        </div>
      </div>
    </Dialog>
  );
}

export function NewEnvironmentDialog({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [isProtected, setProtected] = useState(false);
  const create = useMutation(
    trpc.environments.create.mutationOptions({
      onSuccess: () => {
        void qc.invalidateQueries({ queryKey: trpc.environments.pathKey() });
        onClose();
      },
    }),
  );
  return (
    <Dialog open onClose={onClose} title="Add environment">
      <div className="space-y-3">
        <ErrorNote error={create.error} />
        <Field label="Key" help="Short, lowercase, e.g. uat. Used in webhook URLs.">
          {(id) => (
            <input id={id} className={inputClass} value={key} onChange={(e) => setKey(e.target.value)} />
          )}
        </Field>
        <Field label="Name">
          {(id) => (
            <input id={id} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={isProtected} onChange={(e) => setProtected(e.target.checked)} />{' '}
          Protected
        </label>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            onClick={() => create.mutate({ key, name, isProtected })}
            disabled={create.isPending}
          >
            Create
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
