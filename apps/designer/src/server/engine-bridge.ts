// The designer's door to the engine for test runs: a draft runs on the real worker of an unprotected
// environment (see @conduit/engine/client test-runs), and its progress comes from the workflow itself.
import { type RunProgress, startTestRun as engineStartTestRun, testRunProgress, type EnvironmentVariables } from '@conduit/engine/client';
import { catalogFromDescriptions, compileFlow, type Plan } from '@conduit/flow';
import { compileExpression, evaluateExpression, isTruthy } from '@conduit/mapping';
import { db } from './db';
import { connectorDescriptions } from './routers/designer/catalog/connectors';
import type { StepProgress, TestRunProgress } from './routers/designer/test-runs/progress';
import { temporal } from './temporal';

export class TestRunError extends Error {}

/** Samples the trigger's filter refuses never reach the engine; their answer is kept here briefly. */
const holder = globalThis as unknown as { conduitFilteredTestRuns?: Map<string, TestRunProgress> };
const filtered = (holder.conduitFilteredTestRuns ??= new Map());

function filterRejects(plan: Plan, sample: unknown, env: EnvironmentVariables): string | undefined {
  const c = plan.trigger.config;
  const filter = c.type === 'webhook' || c.type === 'changeFeed' ? c.filter : undefined;
  if (!filter) return undefined;
  const r = evaluateExpression(compileExpression(filter), { trigger: sample, steps: {}, env });
  if (r.ok && isTruthy(r.value)) return undefined;
  return r.ok ? `the trigger's filter (${filter}) does not accept this sample, so a real event like it would start nothing` : `the trigger's filter failed: ${r.error}`;
}

/** Starts a test run of a draft graph against a sample event; progress is polled with getTestRunProgress. */
export async function startTestRun(opts: { workspaceId: string; flowId: string; graph: unknown; sample: unknown; environmentKey: string }): Promise<{ runId: string }> {
  const compiled = compileFlow(opts.graph, catalogFromDescriptions(connectorDescriptions()));
  if (!compiled.ok) {
    const first = compiled.problems.find((p) => p.severity === 'error');
    throw new TestRunError(`fix the flow's problems first (${first?.message ?? 'see the problems list'})`);
  }
  const env = await db().environment.findFirstOrThrow({ where: { workspaceId: opts.workspaceId, key: opts.environmentKey } });
  const variables = (env.variables ?? {}) as EnvironmentVariables;
  const refused = filterRejects(compiled.plan, opts.sample, variables);
  if (refused) {
    const runId = crypto.randomUUID();
    filtered.set(runId, { runId, status: 'filtered', message: refused, steps: [{ nodeId: compiled.plan.trigger.id, state: 'succeeded', output: opts.sample, note: refused }] });
    while (filtered.size > 200) filtered.delete(filtered.keys().next().value as string);
    return { runId };
  }
  try {
    return await engineStartTestRun(await temporal(), { environment: { id: env.id, key: env.key, taskQueue: env.taskQueue, variables }, flowId: opts.flowId, plan: compiled.plan, payload: opts.sample });
  } catch (err) {
    throw new TestRunError(`the engine is not reachable (${err instanceof Error ? err.message : String(err)}); start it and try again`);
  }
}

const STATUS: Record<RunProgress['status'], TestRunProgress['status']> = { queued: 'running', running: 'running', waiting: 'running', succeeded: 'succeeded', failed: 'failed', dead_lettered: 'failed', cancelled: 'failed' };

function stepOf(s: RunProgress['steps'][number]): StepProgress {
  const note = s.note ?? s.error?.message ?? (s.status === 'skipped' ? 'not reached on this path' : undefined);
  return {
    nodeId: s.nodeId,
    state: s.status === 'waiting' ? 'running' : s.status,
    ...(s.input !== undefined ? { input: s.input } : {}),
    ...(s.output !== undefined ? { output: s.output } : {}),
    ...(note ? { note } : {}),
    ...(s.finishedAt !== undefined ? { durationMs: s.finishedAt - s.startedAt } : {}),
  };
}

export async function getTestRunProgress(runId: string): Promise<TestRunProgress | undefined> {
  const local = filtered.get(runId);
  if (local) return local;
  const p = await testRunProgress(await temporal(), runId);
  if (!p) return undefined;
  return { runId, status: STATUS[p.status], steps: p.steps.map(stepOf), ...(p.error ? { message: p.error } : {}) };
}
