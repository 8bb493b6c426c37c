'use client';

// "Run now" for a deployed flow that starts by hand (the Customer 360 bulk sync): starts a run in that
// environment and opens its page, where the progress bar follows it.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '../../../components/ui/button';
import { useTRPC } from '../../../lib/trpc';

export function RunNow({ flowId, environmentId, environmentKey }: { flowId: string; environmentId: string; environmentKey: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const manual = useQuery(trpc.runs.manualFlows.queryOptions());
  const start = useMutation(trpc.runs.startManual.mutationOptions({ onSuccess: (r) => router.push(`/runs/${r.runId}`) }));
  if (!manual.data?.some((m) => m.flowId === flowId && m.environmentId === environmentId)) return null;
  return (
    <>
      <Button size="sm" disabled={start.isPending} onClick={() => start.mutate({ flowId, environmentId })} data-testid={`run-now-${environmentKey}`}>
        Run now
      </Button>
      {start.error && (
        <span role="alert" className="text-xs text-red-700">
          {start.error.message}
        </span>
      )}
    </>
  );
}
