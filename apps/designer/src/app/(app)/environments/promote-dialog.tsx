'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { ErrorNote } from '../../../components/operate/page-header';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useTRPC } from '../../../lib/trpc';

interface Change {
  key: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const KIND_STYLE = { added: 'text-emerald-700', removed: 'text-red-700', changed: 'text-amber-700' } as const;
const short = (v: unknown) => (v === undefined ? '' : JSON.stringify(v).slice(0, 160));

function ChangeList({
  title,
  changes,
  label,
  testId,
}: {
  title: string;
  changes: Change[];
  label?: (c: Change) => string;
  testId: string;
}) {
  return (
    <section className="mb-4" data-testid={testId}>
      <h3 className="mb-1 text-sm font-semibold">
        {title}{' '}
        <span className="font-normal text-slate-500">
          ({changes.length === 0 ? 'no changes' : changes.length})
        </span>
      </h3>
      <ul className="space-y-1 text-xs">
        {changes.map((c) => (
          <li key={`${c.kind}:${c.key}`} className="rounded border border-slate-100 px-2 py-1 font-mono">
            <span className={`mr-2 font-semibold ${KIND_STYLE[c.kind]}`}>{c.kind}</span>
            {label ? label(c) : c.key}
            {c.kind !== 'added' && c.before !== undefined && (
              <div className="text-red-700">− {short(c.before)}</div>
            )}
            {c.kind !== 'removed' && c.after !== undefined && (
              <div className="text-emerald-700">+ {short(c.after)}</div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Shows what promotion changes in the target (graph, mappings, variables) and promotes on confirm. */
export function PromoteDialog({
  flowId,
  from,
  to,
  onClose,
  onDone,
}: {
  flowId: string;
  from: { id: string; name: string };
  to: { id: string; name: string; isProtected: boolean };
  onClose: () => void;
  onDone: (r: { warnings: string[] }) => void;
}) {
  const trpc = useTRPC();
  const preview = useQuery(
    trpc.deployments.preview.queryOptions({ flowId, fromEnvironmentId: from.id, toEnvironmentId: to.id }),
  );
  const promote = useMutation(trpc.deployments.promote.mutationOptions({ onSuccess: onDone }));
  const p = preview.data;
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Promote from ${from.name} to ${to.name}`}
      wide
      testId="promote-dialog"
    >
      <ErrorNote error={preview.error ?? promote.error} />
      {p && (
        <>
          <p className="mb-3 text-sm" data-testid="promote-summary">
            {to.name} goes from {p.to.version === null ? 'nothing deployed' : `v${p.to.version}`} to{' '}
            <strong>v{p.from.version}</strong>.{p.sameVersion && ' It already runs this version.'}
            {to.isProtected && ' This environment is protected.'}
          </p>
          <ChangeList
            title="Graph"
            testId="diff-nodes"
            changes={[...p.graph.nodes, ...p.graph.edges]}
            label={(c) => ('label' in c ? `${String((c as { label: string }).label)} (${c.key})` : c.key)}
          />
          <ChangeList
            title="Mappings"
            testId="diff-mappings"
            changes={p.graph.mappings}
            label={(c) => `${(c as { nodeId?: string }).nodeId ?? ''} → ${c.key}`}
          />
          <ChangeList
            title={`Variables (${to.name} vs ${from.name})`}
            testId="diff-variables"
            changes={p.variables}
          />
        </>
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="primary"
          disabled={!p || promote.isPending}
          onClick={() => promote.mutate({ flowId, fromEnvironmentId: from.id, toEnvironmentId: to.id })}
          data-testid="promote-confirm"
        >
          Promote v{p?.from.version}
        </Button>
      </div>
    </Dialog>
  );
}
