// Starts recorded runs after the caller has answered (the webhook ingress answers once the event and its
// queued runs are committed). A start that fails or never happens (the process died) leaves the run queued;
// the queued-run sweeper (../sweeper.ts) starts it later under the same workflow id, so nothing is lost.
import type { Client } from '@temporalio/client';
import { log } from '@conduit/telemetry';
import { startWorkflows, type RecordedRun, type StartEnvironment } from './start';

const pending = new Set<Promise<void>>();

/** Starts the runs without waiting; the returned promise never rejects (await it only in tests). */
export function startInBackground(temporal: () => Promise<Client>, env: StartEnvironment, runs: RecordedRun[]): Promise<void> {
  if (!runs.length) return Promise.resolve();
  // From the next turn of the event loop: encoding the start requests (each carries its flow's plan) would
  // otherwise run in the microtasks ahead of the caller's answer.
  const started = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => startWorkflows(temporal, env, runs))
    .then((r) => {
      if (r.failed) log.warn('runs left queued for the sweeper', { environment: env.key, runs: r.failed, error: r.errors[0] });
    })
    .catch((error: unknown) => log.error('runs left queued for the sweeper', { environment: env.key, error: error instanceof Error ? error.message : String(error) }))
    .finally(() => pending.delete(started));
  pending.add(started);
  return started;
}

/** Resolves once every start begun so far has finished (tests; a clean shutdown). */
export async function backgroundStarts(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
