'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Card, ErrorNote, formatTime, PageHeader } from '../../../components/operate/page-header';
import { Button } from '../../../components/ui/button';
import { useTRPC } from '../../../lib/trpc';
import { ChannelDialog, RuleForm } from './forms';

const EVENT_LABEL: Record<string, string> = {
  run_failed: 'A run failed',
  dead_letter_added: 'A dead letter was added',
  approval_waiting: 'An approval waits too long',
  connection_failing: 'A connection is failing',
};

export default function AlertsPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const channels = useQuery(trpc.alerts.channels.queryOptions());
  const rules = useQuery(trpc.alerts.rules.queryOptions());
  const [adding, setAdding] = useState(false);
  const [tested, setTested] = useState<Record<string, { ok: boolean; message: string }>>({});
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
  const test = useMutation(
    trpc.alerts.testChannel.mutationOptions({ onSuccess: (r, v) => setTested((t) => ({ ...t, [v.id]: r })) }),
  );
  const removeChannel = useMutation(trpc.alerts.removeChannel.mutationOptions({ onSuccess: refresh }));
  const toggle = useMutation(trpc.alerts.setRuleEnabled.mutationOptions({ onSuccess: refresh }));
  const removeRule = useMutation(trpc.alerts.removeRule.mutationOptions({ onSuccess: refresh }));
  const evaluate = useMutation(trpc.alerts.evaluateNow.mutationOptions({ onSuccess: refresh }));
  return (
    <div className="space-y-5 p-8">
      <PageHeader
        title="Alerts"
        description="Tell people when runs fail, dead letters arrive, approvals wait too long or a connection stops working: by email (SMTP), Slack or any webhook."
        actions={
          <>
            <Button onClick={() => evaluate.mutate({})} disabled={evaluate.isPending}>
              {evaluate.data
                ? `Checked: ${evaluate.data.sent} sent, ${evaluate.data.failed} failed`
                : 'Check rules now'}
            </Button>
            <Button variant="primary" onClick={() => setAdding(true)} data-testid="alert-channel-add">
              Add channel
            </Button>
          </>
        }
      />
      <ErrorNote
        error={
          channels.error ??
          rules.error ??
          removeChannel.error ??
          toggle.error ??
          removeRule.error ??
          evaluate.error
        }
      />
      <Card title="Channels">
        {channels.data?.length === 0 && <p className="text-sm text-slate-500">No channels yet.</p>}
        <ul className="divide-y divide-slate-100">
          {channels.data?.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <strong>{c.name}</strong> <span className="text-slate-500">· {c.kind}</span>{' '}
                {c.secretSet && <span className="text-xs text-slate-500">· secret set</span>}
                {tested[c.id] && (
                  <span className={`ml-2 ${tested[c.id]!.ok ? 'text-emerald-700' : 'text-red-700'}`}>
                    {tested[c.id]!.message}
                  </span>
                )}
              </span>
              <span className="flex gap-2">
                <Button size="sm" onClick={() => test.mutate({ id: c.id })}>
                  Send test
                </Button>
                <Button size="sm" variant="danger" onClick={() => removeChannel.mutate({ id: c.id })}>
                  Delete
                </Button>
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Rules">
        <ul className="mb-4 divide-y divide-slate-100">
          {rules.data?.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                {EVENT_LABEL[r.event]}
                {r.event === 'approval_waiting' && ` (over ${r.thresholdMinutes} min)`} in{' '}
                {r.environment?.name ?? 'every environment'} → <strong>{r.channel.name}</strong>
                <span className="ml-2 text-xs text-slate-500">last checked {formatTime(r.checkedAt)}</span>
                {r.lastError && <span className="ml-2 text-xs text-red-700">{r.lastError}</span>}
              </span>
              <span className="flex gap-2">
                <Button size="sm" onClick={() => toggle.mutate({ id: r.id, enabled: !r.enabled })}>
                  {r.enabled ? 'Pause' : 'Resume'}
                </Button>
                <Button size="sm" variant="danger" onClick={() => removeRule.mutate({ id: r.id })}>
                  Delete
                </Button>
              </span>
            </li>
          ))}
        </ul>
        {channels.data && channels.data.length > 0 && (
          <RuleForm channels={channels.data} labels={EVENT_LABEL} onDone={refresh} />
        )}
      </Card>
      {adding && (
        <ChannelDialog
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            void refresh();
          }}
        />
      )}
    </div>
  );
}
