// Runs a compiled plan in this process against a sample event, for the designer's test run while the
// engine has no test-run entry point: pure steps are evaluated with @conduit/mapping exactly as the
// workflow will; lookups/writes call the stored connection when that connector is installed.
import { preparePlan, type Plan, type PlanStep, type PreparedPlan } from '@conduit/flow';
import { evaluate, evaluateExpression, isTruthy } from '@conduit/mapping';
import type { StepProgress, TestRunProgress } from './progress';

export interface ActionCaller {
  /** Runs a connector action, or returns a reason the test run cannot (e.g. connector not installed). */
  run(step: Extract<PlanStep, { kind: 'lookup' | 'write' }>, input: unknown, idempotencyKey: string): Promise<{ output: unknown } | { skipped: string }>;
}

interface Scope {
  trigger: unknown;
  steps: Record<string, unknown>;
}

const NOT_SIMULATED: Partial<Record<PlanStep['kind'], string>> = {
  approval: 'approvals are not requested in a test run; it continues as approved',
  delay: 'test runs do not wait; the delay is skipped',
  notify: 'test runs send no messages',
};

export async function runLocally(opts: { runId: string; plan: Plan; sample: unknown; actions: ActionCaller; report: (p: TestRunProgress) => void }): Promise<void> {
  const prepared = preparePlan(opts.plan);
  const progress: TestRunProgress = { runId: opts.runId, status: 'running', steps: [] };
  const record = (s: StepProgress) => {
    const i = progress.steps.findIndex((x) => x.nodeId === s.nodeId);
    if (i >= 0) progress.steps[i] = s;
    else progress.steps.push(s);
    opts.report(structuredClone(progress));
  };
  const scope: Scope = { trigger: opts.sample, steps: {} };
  const ctx = { now: Date.now() };
  const trigger = opts.plan.trigger;
  const filter = 'filter' in trigger.config ? trigger.config.filter : undefined;
  record({ nodeId: trigger.id, state: 'succeeded', output: opts.sample });
  if (filter) {
    const r = evaluateExpression(prepared.expression(filter), scope, ctx);
    if (!r.ok || !isTruthy(r.value)) {
      progress.status = 'filtered';
      progress.message = r.ok ? `The trigger filter “${filter}” is false for this sample, so the flow would not run.` : `The trigger filter failed: ${r.error}`;
      record({ nodeId: trigger.id, state: 'succeeded', output: opts.sample, note: progress.message });
      return;
    }
  }
  const taken = new Set<string>([`${trigger.id}:out`]);
  const failed = await runSteps({ steps: opts.plan.steps, prepared, scope, taken, record, actions: opts.actions, runId: opts.runId, ctx });
  progress.status = failed ? 'failed' : 'succeeded';
  progress.message = failed ? `Step “${failed}” failed; see its output.` : 'Every step ran.';
  opts.report(structuredClone(progress));
}

interface StepsRun {
  steps: PlanStep[];
  prepared: PreparedPlan;
  scope: Scope;
  taken: Set<string>;
  record: (s: StepProgress) => void;
  actions: ActionCaller;
  runId: string;
  ctx: { now: number };
}

/** Runs steps in plan order; returns the label of the first failed step, if any. */
async function runSteps(r: StepsRun): Promise<string | undefined> {
  for (const step of r.steps) {
    if (!step.after.some((a) => r.taken.has(`${a.from}:${a.port}`))) {
      r.record({ nodeId: step.id, state: 'skipped', note: 'not reached on this path' });
      continue;
    }
    const started = Date.now();
    r.record({ nodeId: step.id, state: 'running' });
    const outcome = await runStep(step, r);
    r.record({ nodeId: step.id, ...outcome, durationMs: Date.now() - started });
    if (outcome.state === 'failed') return step.label || step.id;
  }
  return undefined;
}

type Outcome = Omit<StepProgress, 'nodeId' | 'durationMs'>;

async function runStep(step: PlanStep, r: StepsRun): Promise<Outcome> {
  const take = (port: string) => r.taken.add(`${step.id}:${port}`);
  const done = (output: unknown, port = 'out', extra: Partial<Outcome> = {}): Outcome => {
    r.scope.steps[step.id] = output;
    take(port);
    return { state: 'succeeded', output, ...extra };
  };
  const expr = (src: string) => evaluateExpression(r.prepared.expression(src), r.scope, r.ctx);
  switch (step.kind) {
    case 'map': {
      const res = evaluate(r.prepared.mapping(step.id), r.scope, r.ctx);
      return res.errors.length ? { state: 'failed', output: res.value, note: res.errors.map((e) => `${e.field}: ${e.message}`).join('; ') } : done(res.value);
    }
    case 'condition': {
      const res = expr(step.expression);
      return res.ok ? done({ result: isTruthy(res.value) }, isTruthy(res.value) ? 'true' : 'false') : { state: 'failed', note: res.error };
    }
    case 'switch': {
      for (const c of step.cases) {
        const res = expr(c.when);
        if (!res.ok) return { state: 'failed', note: `${c.port}: ${res.error}` };
        if (isTruthy(res.value)) return done({ port: c.port }, c.port);
      }
      return done({ port: 'default' }, 'default');
    }
    case 'lookup':
    case 'write': {
      const res = evaluate(r.prepared.mapping(step.id), r.scope, r.ctx);
      if (res.errors.length) return { state: 'failed', input: res.value, note: res.errors.map((e) => `${e.field}: ${e.message}`).join('; ') };
      try {
        const called = await r.actions.run(step, res.value, `test:${r.runId}:${step.id}`);
        if ('skipped' in called) {
          take('out');
          return { state: 'skipped', input: res.value, note: called.skipped };
        }
        return { ...done(called.output), input: res.value };
      } catch (err) {
        return { state: 'failed', input: res.value, note: err instanceof Error ? err.message : String(err) };
      }
    }
    case 'forEach': {
      const res = expr(step.items);
      if (!res.ok) return { state: 'failed', note: res.error };
      const items = Array.isArray(res.value) ? res.value.slice(0, step.maxItems ?? 10_000) : [];
      for (const [index, item] of items.entries()) {
        r.scope.steps[step.id] = { item, index };
        take('each');
        const failed = await runSteps({ ...r, steps: step.body });
        if (failed) return { state: 'failed', note: `item ${index + 1}: step “${failed}” failed` };
      }
      return done({ count: items.length }, 'done');
    }
    case 'approval':
      return done({ approved: true, by: 'test run', decidedAt: r.ctx.now }, 'approved', { state: 'skipped', note: NOT_SIMULATED.approval });
    case 'delay':
      return done({ resumedAt: r.ctx.now }, 'out', { state: 'skipped', note: NOT_SIMULATED.delay });
    case 'notify':
      return done({ sent: false }, 'out', { state: 'skipped', note: NOT_SIMULATED.notify });
  }
}
