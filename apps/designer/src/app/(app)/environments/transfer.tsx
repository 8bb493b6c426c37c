'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ErrorNote } from '../../../components/operate/page-header';
import { useCan } from '../../../components/operate/role';
import { Button } from '../../../components/ui/button';
import { useTRPC } from '../../../lib/trpc';

/** Export a flow with its versions as a .flow.json file (for git), or import one. */
export function TransferButtons() {
  const trpc = useTRPC();
  const can = useCan();
  const qc = useQueryClient();
  const file = useRef<HTMLInputElement>(null);
  const [flowId, setFlowId] = useState('');
  const flows = useQuery(trpc.deployments.overview.queryOptions());
  const exportFlow = useMutation(
    trpc.transfer.exportFlow.mutationOptions({
      onSuccess: ({ fileName, text }) => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
        a.download = fileName;
        a.click();
        URL.revokeObjectURL(a.href);
      },
    }),
  );
  const importFlow = useMutation(
    trpc.transfer.importFlow.mutationOptions({
      onSuccess: () => qc.invalidateQueries({ queryKey: trpc.deployments.pathKey() }),
    }),
  );
  if (!can('build')) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <select
        aria-label="Flow to export"
        className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        value={flowId}
        onChange={(e) => setFlowId(e.target.value)}
      >
        <option value="">Flow to export…</option>
        {flows.data?.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
      <Button
        disabled={!flowId || exportFlow.isPending}
        onClick={() => exportFlow.mutate({ flowId })}
        data-testid="flow-export"
      >
        Export
      </Button>
      <Button onClick={() => file.current?.click()} data-testid="flow-import">
        Import flow file…
      </Button>
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        className="hidden"
        data-testid="flow-import-file"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          if (f) importFlow.mutate({ text: await f.text() });
          e.target.value = '';
        }}
      />
      {importFlow.data && (
        <span className="text-sm text-emerald-700" data-testid="flow-import-result">
          Imported: {importFlow.data.added.length} new version(s), {importFlow.data.skipped} already present.
        </span>
      )}
      <ErrorNote error={exportFlow.error ?? importFlow.error} />
    </div>
  );
}
