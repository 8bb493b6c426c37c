'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { EnvSelect } from '../../../components/operate/env-select';
import { ErrorNote } from '../../../components/operate/page-header';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field, inputClass } from '../../../components/ui/field';
import { useTRPC } from '../../../lib/trpc';

type Kind = 'email' | 'slack' | 'webhook';

export function ChannelDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<Kind>('email');
  const [name, setName] = useState('');
  const [host, setHost] = useState('');
  const [port, setPort] = useState('587');
  const [secure, setSecure] = useState(false);
  const [username, setUsername] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const create = useMutation(trpc.alerts.createChannel.mutationOptions({ onSuccess: onDone }));
  const submit = () => {
    if (kind === 'email') {
      create.mutate({
        kind,
        name,
        config: {
          host,
          port: Number(port),
          secure,
          ...(username ? { username } : {}),
          from,
          to: to.split(/[,\s]+/).filter(Boolean),
        },
        ...(secret ? { secret } : {}),
      });
    } else if (kind === 'slack') create.mutate({ kind, name, secret: url });
    else create.mutate({ kind, name, config: { url }, ...(secret ? { secret } : {}) });
  };
  const text = (
    label: string,
    value: string,
    set: (v: string) => void,
    opts: { type?: string; help?: string } = {},
  ) => (
    <Field label={label} help={opts.help}>
      {(id) => (
        <input
          id={id}
          type={opts.type ?? 'text'}
          autoComplete="off"
          className={inputClass}
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </Field>
  );
  return (
    <Dialog open onClose={onClose} title="Add alert channel">
      <div className="space-y-3">
        <ErrorNote error={create.error} />
        <Field label="Kind">
          {(id) => (
            <select
              id={id}
              className={inputClass}
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
            >
              <option value="email">Email (SMTP)</option>
              <option value="slack">Slack-compatible webhook</option>
              <option value="webhook">Generic webhook (JSON)</option>
            </select>
          )}
        </Field>
        {text('Name', name, setName)}
        {kind === 'email' && (
          <>
            {text('SMTP host', host, setHost)}
            {text('Port', port, setPort, { type: 'number' })}
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={secure} onChange={(e) => setSecure(e.target.checked)} />{' '}
              Implicit TLS (port 465)
            </label>
            {text('User name (optional)', username, setUsername)}
            {text('Password (optional)', secret, setSecret, {
              type: 'password',
              help: 'Stored encrypted, never shown again.',
            })}
            {text('From', from, setFrom)}
            {text('To (comma-separated)', to, setTo)}
          </>
        )}
        {kind === 'slack' &&
          text('Incoming webhook URL', url, setUrl, {
            type: 'password',
            help: 'The URL is the secret; it is stored encrypted.',
          })}
        {kind === 'webhook' && (
          <>
            {text('Receiver URL', url, setUrl)}
            {text('Signing secret (optional)', secret, setSecret, {
              type: 'password',
              help: 'Requests carry X-Conduit-Signature: sha256=HMAC of the body.',
            })}
          </>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={submit} disabled={create.isPending}>
            Save
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

export function RuleForm({
  channels,
  labels,
  onDone,
}: {
  channels: Array<{ id: string; name: string }>;
  labels: Record<string, string>;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const [event, setEvent] = useState('run_failed');
  const [channelId, setChannelId] = useState(channels[0]?.id ?? '');
  const [environmentId, setEnvironmentId] = useState<string>();
  const [threshold, setThreshold] = useState('60');
  const create = useMutation(trpc.alerts.createRule.mutationOptions({ onSuccess: onDone }));
  return (
    <div className="flex flex-wrap items-end gap-2 border-t border-slate-100 pt-3">
      <ErrorNote error={create.error} />
      <select
        aria-label="When"
        className={`${inputClass} w-auto`}
        value={event}
        onChange={(e) => setEvent(e.target.value)}
      >
        {Object.entries(labels).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
      <EnvSelect value={environmentId} onChange={setEnvironmentId} />
      {event === 'approval_waiting' && (
        <input
          aria-label="Minutes"
          type="number"
          className={`${inputClass} w-24`}
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
        />
      )}
      <select
        aria-label="Channel"
        className={`${inputClass} w-auto`}
        value={channelId}
        onChange={(e) => setChannelId(e.target.value)}
      >
        {channels.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <Button
        variant="primary"
        onClick={() =>
          create.mutate({
            event: event as 'run_failed',
            channelId,
            environmentId: environmentId ?? null,
            thresholdMinutes: event === 'approval_waiting' ? Number(threshold) : 0,
          })
        }
        disabled={create.isPending}
      >
        Add rule
      </Button>
    </div>
  );
}
