'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote } from '../../../components/operate/page-header';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field, inputClass } from '../../../components/ui/field';
import { useTRPC } from '../../../lib/trpc';

type Kind = 'streak' | 'sage100';

/** New connection; "Test" tries the typed settings without saving them. */
export function AddConnectionDialog({
  environmentId,
  onClose,
  onDone,
}: {
  environmentId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<Kind>('streak');
  const [name, setName] = useState('Streak');
  const [baseUrl, setBaseUrl] = useState('');
  const [company, setCompany] = useState('');
  const [allowPrivateHost, setAllowPrivateHost] = useState(false);
  const [secret, setSecret] = useState('');
  const create = useMutation(trpc.connections.create.mutationOptions({ onSuccess: onDone }));
  const test = useMutation(trpc.connections.testDraft.mutationOptions());
  const input = () =>
    kind === 'streak'
      ? { environmentId, kind, name, secret, config: { ...(baseUrl ? { baseUrl } : {}), allowPrivateHost } }
      : { environmentId, kind, name, secret, config: { baseUrl, company, allowPrivateHost } };
  return (
    <Dialog open onClose={onClose} title="Add connection" testId="conn-add-dialog">
      <div className="space-y-3">
        <ErrorNote error={create.error ?? test.error} />
        <Field label="Service">
          {(id) => (
            <select
              id={id}
              className={inputClass}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as Kind);
                setName(e.target.value === 'streak' ? 'Streak' : 'Sage 100');
              }}
              data-testid="conn-kind"
            >
              <option value="streak">Streak</option>
              <option value="sage100">Sage 100 gateway</option>
            </select>
          )}
        </Field>
        <Field label="Name">
          {(id) => (
            <input
              id={id}
              className={inputClass}
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="conn-name"
            />
          )}
        </Field>
        <Field label={kind === 'streak' ? 'API base URL (leave empty for api.streak.com)' : 'Gateway URL'}>
          {(id) => (
            <input
              id={id}
              className={inputClass}
              value={baseUrl}
              placeholder={
                kind === 'streak' ? 'https://api.streak.com/api' : 'https://sage-gateway.example.com'
              }
              onChange={(e) => setBaseUrl(e.target.value)}
              data-testid="conn-url"
            />
          )}
        </Field>
        {kind === 'sage100' && (
          <Field label="Company code">
            {(id) => (
              <input
                id={id}
                className={inputClass}
                value={company}
                maxLength={3}
                onChange={(e) => setCompany(e.target.value)}
              />
            )}
          </Field>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={allowPrivateHost}
            onChange={(e) => setAllowPrivateHost(e.target.checked)}
          />{' '}
          Allow a private host (sandbox or on-premise gateway)
        </label>
        <Field
          label={kind === 'streak' ? 'API key' : 'Gateway token'}
          help="Stored encrypted; it is never shown again."
        >
          {(id) => (
            <input
              id={id}
              type="password"
              autoComplete="off"
              className={inputClass}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              data-testid="conn-secret-input"
            />
          )}
        </Field>
        {test.data && (
          <p
            className={`rounded-md px-3 py-2 text-sm ${test.data.ok ? 'bg-emerald-50 text-emerald-900' : 'bg-red-50 text-red-900'}`}
            data-testid="conn-draft-result"
          >
            {test.data.explanation}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={() => test.mutate(input())} disabled={test.isPending}>
            {test.isPending ? 'Testing…' : 'Test'}
          </Button>
          <Button
            variant="primary"
            onClick={() => create.mutate(input())}
            disabled={create.isPending}
            data-testid="conn-save"
          >
            Save
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

export function ReplaceSecretDialog({
  id,
  onClose,
  onDone,
}: {
  id: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const [secret, setSecret] = useState('');
  const update = useMutation(trpc.connections.update.mutationOptions({ onSuccess: onDone }));
  return (
    <Dialog open onClose={onClose} title="Replace secret">
      <ErrorNote error={update.error} />
      <Field label="New API key or token" help="The old one is overwritten; test the connection afterwards.">
        {(fid) => (
          <input
            id={fid}
            type="password"
            autoComplete="off"
            className={inputClass}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        )}
      </Field>
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" disabled={update.isPending} onClick={() => update.mutate({ id, secret })}>
          Replace
        </Button>
      </div>
    </Dialog>
  );
}
