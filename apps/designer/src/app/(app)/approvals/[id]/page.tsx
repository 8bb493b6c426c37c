'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { Card, ErrorNote, formatTime, PageHeader } from '../../../../components/operate/page-header';
import { useCan } from '../../../../components/operate/role';
import { StatusBadge } from '../../../../components/operate/status';
import { Button } from '../../../../components/ui/button';
import { Field, inputClass } from '../../../../components/ui/field';
import { useTRPC } from '../../../../lib/trpc';
import { ApprovalSummary, Deadline, dealLine } from '../summary';

export default function ApprovalPage() {
  const { id } = useParams<{ id: string }>();
  const trpc = useTRPC();
  const can = useCan();
  const qc = useQueryClient();
  const [comment, setComment] = useState('');
  const approval = useQuery(trpc.approvals.get.queryOptions({ id }));
  const decide = useMutation(
    trpc.approvals.decide.mutationOptions({
      onSuccess: () => qc.invalidateQueries({ queryKey: trpc.approvals.get.queryKey({ id }) }),
    }),
  );
  const a = approval.data;
  if (approval.error)
    return (
      <div className="p-8">
        <ErrorNote error={approval.error} />
      </div>
    );
  if (!a) return <div className="p-8 text-sm text-slate-500">Loading…</div>;
  return (
    <div className="space-y-5 p-8">
      <PageHeader
        title={dealLine(a.summary) ?? `Approval for ${a.run.flow.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={a.status} testId="approval-status" /> {a.reason} · {a.run.environment.name} ·
            requested {formatTime(a.requestedAt)}
            <Deadline
              escalateAt={a.escalateAt}
              escalatedAt={a.escalatedAt}
              escalatedTo={a.escalatedTo}
              expiresAt={a.expiresAt}
            />
          </span>
        }
        actions={
          <Link href={`/runs/${a.run.id}`} className="text-sm text-brand-700 hover:underline">
            Open the run →
          </Link>
        }
      />
      {a.approvers.length > 0 && (
        <p className="text-sm text-slate-600" data-testid="approval-approvers">
          For {a.approvers.join(', ')}
          {a.escalatedAt ? ` and, since the escalation, ${a.escalatedTo.join(', ')}` : ''}; owners and admins
          can decide too.
        </p>
      )}
      <Card title="What is being approved">
        <ApprovalSummary summary={a.summary} />
      </Card>
      {a.status === 'pending' && can('approve') && a.mayDecide ? (
        <Card title="Decision" testId="approval-decision">
          <ErrorNote error={decide.error} />
          <Field label="Comment" help="Required when rejecting; kept in the audit log.">
            {(fid) => (
              <textarea
                id={fid}
                rows={3}
                className={inputClass}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                data-testid="approval-comment"
              />
            )}
          </Field>
          <div className="mt-3 flex gap-2">
            <Button
              variant="primary"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: a.id, approved: true, comment })}
              data-testid="approval-approve"
            >
              Approve
            </Button>
            <Button
              variant="danger"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: a.id, approved: false, comment })}
              data-testid="approval-reject"
            >
              Reject
            </Button>
          </div>
        </Card>
      ) : (
        a.decidedAt && (
          <Card title="Decision">
            <p className="text-sm" data-testid="approval-decided">
              {a.status} by {a.decidedBy?.name ?? 'the flow (timeout)'} on {formatTime(a.decidedAt)}
              {a.comment ? ` — “${a.comment}”` : ''}
            </p>
          </Card>
        )
      )}
    </div>
  );
}
