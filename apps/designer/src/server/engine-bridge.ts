// The designer's only door to the engine for test runs. Until @conduit/engine exposes a test-run
// entry point, runs execute in this process (routers/designer/test-runs/local-runner.ts); swap the
// body of startTestRun/getTestRunProgress for engine calls when it does, keeping these signatures.
import { randomUUID } from 'node:crypto';
import { catalogFromDescriptions, compileFlow } from '@conduit/flow';
import { db } from './db';
import { connectorDescriptions, connectorRegistry, withStoredConnection } from './routers/designer/catalog/connectors';
import { runLocally, type ActionCaller } from './routers/designer/test-runs/local-runner';
import type { TestRunProgress } from './routers/designer/test-runs/progress';

export class TestRunError extends Error {}

const holder = globalThis as unknown as { conduitTestRuns?: Map<string, TestRunProgress> };
const runs = (holder.conduitTestRuns ??= new Map());
const KEEP = 200;

function remember(p: TestRunProgress) {
  runs.set(p.runId, p);
  while (runs.size > KEEP) runs.delete(runs.keys().next().value!);
}

function actionsFor(opts: { workspaceId: string; environmentKey: string }): ActionCaller {
  return {
    async run(step, input, idempotencyKey) {
      const { connector, version, key } = step.action;
      if (!connectorRegistry().has(connector, version)) return { skipped: `the ${connector} connector is not installed yet, so this step cannot call it; its input is shown` };
      const conn = await db().connection.findFirst({
        where: { environment: { workspaceId: opts.workspaceId, key: opts.environmentKey }, kind: connector as 'streak' | 'sage100', ...(step.connectionRef ? { name: step.connectionRef } : {}) },
        select: { id: true },
      });
      if (!conn) throw new TestRunError(`no ${connector} connection${step.connectionRef ? ` named “${step.connectionRef}”` : ''} in the ${opts.environmentKey} environment; add one under Connections`);
      const output = await withStoredConnection({ workspaceId: opts.workspaceId, connectionId: conn.id }, (c) => c.runAction(key, input, { idempotencyKey }));
      return { output };
    },
  };
}

/** Starts a test run of a draft graph against a sample event; progress is polled with getTestRunProgress. */
export async function startTestRun(opts: { workspaceId: string; flowId: string; graph: unknown; sample: unknown; environmentKey: string }): Promise<{ runId: string }> {
  const compiled = compileFlow(opts.graph, catalogFromDescriptions(connectorDescriptions()));
  if (!compiled.ok) {
    const first = compiled.problems.find((p) => p.severity === 'error');
    throw new TestRunError(`fix the flow's problems first (${first?.message ?? 'see the problems list'})`);
  }
  const runId = randomUUID();
  remember({ runId, status: 'running', steps: [] });
  void runLocally({ runId, plan: compiled.plan, sample: opts.sample, actions: actionsFor(opts), report: remember }).catch((err: unknown) => {
    remember({ ...(runs.get(runId) ?? { runId, steps: [] }), status: 'failed', message: err instanceof Error ? err.message : String(err) });
  });
  return { runId };
}

export function getTestRunProgress(runId: string): TestRunProgress | undefined {
  return runs.get(runId);
}
