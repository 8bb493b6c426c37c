// Executes one plan step. Pure steps (map, condition, switch) evaluate in workflow code; connector
// steps call a local activity; approvals wait for a signal with a durable timer. Returns the ports taken.
import { type PlanStep, type PreparedPlan, sha256Hex } from '@conduit/flow/runtime';
import { evaluate, evaluateExpression, isTruthy } from '@conduit/mapping/runtime';
import { condition, defineSignal, isCancellation, patched, setHandler, sleep } from '@temporalio/workflow';
import type { FlowRunInput } from '../client/flow-input';
import type { RunScope } from '../scope';
import type { StepError } from '../types';
import { approvalMail, bookkeeping, connectorActivities, messaging, NOTIFY_ATTEMPTS } from './activities-proxy';
import { echoSource } from './echo-source';
import { exhausted, stepErrorOf } from './failures';
import { type RunState, StepFailure } from './state';

export interface ApprovalDecision {
  nodeId: string;
  approved: boolean;
  by?: string;
  comment?: string;
}
export const approvalSignal = defineSignal<[ApprovalDecision]>('approvalDecision');

export interface StepContext {
  input: FlowRunInput;
  prepared: PreparedPlan;
  state: RunState;
  scope: RunScope;
  /** Suffix for idempotency keys inside for-each iterations. */
  iteration?: string;
  decisions: Map<string, ApprovalDecision>;
  /** Runs a for-each body for its items (inline, or in child workflows for long lists). */
  runLoop: (step: Extract<PlanStep, { kind: 'forEach' }>, items: unknown[]) => Promise<void>;
}

const mappingError = (errors: Array<{ field: string; message: string }>): StepError => ({
  type: 'MappingError',
  message: `the mapping could not produce ${errors.map((e) => `${e.field} (${e.message})`).join('; ')}`,
  issues: errors.map((e) => ({ path: e.field, message: e.message })),
});

function expr(ctx: StepContext, source: string): unknown {
  const r = evaluateExpression(ctx.prepared.expression(source), ctx.scope, { now: Date.now() });
  if (!r.ok) throw new StepFailure('', { type: 'MappingError', message: `expression "${source}" failed: ${r.error}` });
  return r.value;
}

/** Test runs of a draft do not wait for people or timers and send no messages; they say so on the step. */
export const TEST_RUN_NOTES = {
  approval: 'test runs do not wait for a person; treated as approved',
  delay: 'test runs do not wait; the delay is skipped',
  notify: 'test runs send no messages',
} as const;

function simulated(step: PlanStep): { output: unknown; ports: string[]; note: string } | undefined {
  const now = Date.now();
  if (step.kind === 'approval') return { output: { approved: true, by: 'test run', decidedAt: now }, ports: ['approved'], note: TEST_RUN_NOTES.approval };
  if (step.kind === 'delay') return { output: { resumedAt: now }, ports: ['out'], note: TEST_RUN_NOTES.delay };
  if (step.kind === 'notify') return { output: { sent: false }, ports: ['out'], note: TEST_RUN_NOTES.notify };
  return undefined;
}

export async function executeStep(step: PlanStep, ctx: StepContext): Promise<{ output: unknown; ports: string[]; note?: string; input?: unknown }> {
  const fake = ctx.input.trigger.kind === 'test' ? simulated(step) : undefined;
  if (fake) return fake;
  switch (step.kind) {
    case 'map': {
      const r = evaluate(ctx.prepared.mapping(step.id), ctx.scope, { now: Date.now() });
      if (r.errors.length) throw new StepFailure(step.id, mappingError(r.errors));
      return { output: r.value, ports: ['out'] };
    }
    case 'lookup':
    case 'write': {
      const mapped = evaluate(ctx.prepared.mapping(step.id), ctx.scope, { now: Date.now() });
      if (mapped.errors.length) throw new StepFailure(step.id, mappingError(mapped.errors), mapped.value);
      const { acts, maxAttempts } = connectorActivities({ retry: step.retry, timeoutMs: step.timeoutMs });
      // Stable across retries and replays of this step for this event, and short: remote systems store it
      // (Sage 100 keeps it in a 40–80 character UDF), while Streak event keys alone run past 80 characters.
      const idempotencyKey = sha256Hex(`${ctx.input.flowId}:${ctx.input.trigger.eventKey}:${step.id}${ctx.iteration ?? ''}`).slice(0, 40);
      try {
        const output = await acts.runConnectorAction({
          environmentId: ctx.input.environment.id,
          nodeId: step.id,
          connector: step.action.ref,
          action: step.action.key,
          input: mapped.value,
          ...(step.connectionRef ? { connectionRef: step.connectionRef } : {}),
          ...(step.action.kind === 'write' ? { idempotencyKey, runId: ctx.input.runId, ...echoSource(ctx.prepared, ctx.scope, step.id) } : {}),
        });
        return { output, ports: ['out'], input: mapped.value };
      } catch (error) {
        throw new StepFailure(step.id, exhausted(stepErrorOf(error), maxAttempts), mapped.value);
      }
    }
    case 'condition': {
      const result = isTruthy(expr(ctx, step.expression));
      return { output: { result }, ports: [result ? 'true' : 'false'] };
    }
    case 'switch': {
      const hit = step.cases.find((c) => isTruthy(expr(ctx, c.when)));
      const port = hit?.port ?? 'default';
      return { output: { port }, ports: [port] };
    }
    case 'approval':
      return approval(step, ctx);
    case 'forEach': {
      const items = expr(ctx, step.items);
      if (!Array.isArray(items)) throw new StepFailure(step.id, { type: 'MappingError', message: `"${step.items}" is not a list (got ${items === null ? 'null' : typeof items})` });
      const max = step.maxItems ?? 10_000;
      if (items.length > max) throw new StepFailure(step.id, { type: 'MappingError', message: `the list has ${items.length} items; this for-each allows at most ${max}` });
      await ctx.runLoop(step, items);
      return { output: { count: items.length }, ports: ['done'] };
    }
    case 'delay': {
      const until = step.until === undefined ? undefined : Number(expr(ctx, step.until));
      const ms = step.durationMs ?? Math.max(0, (until ?? Date.now()) - Date.now());
      if (ms > 0) await sleep(ms);
      return { output: { resumedAt: Date.now() }, ports: ['out'] };
    }
    case 'notify': {
      const message = String(expr(ctx, step.message));
      const subject = step.subject === undefined ? undefined : String(expr(ctx, step.subject));
      const request = { runId: ctx.input.runId, nodeId: step.id, channel: step.channel, to: step.to, message, ...(subject ? { subject } : {}) };
      try {
        // Runs recorded before notify returned its recipients replay an empty result.
        const sent: { to?: string[] } | undefined = await messaging.notify(request);
        return { output: { sent: true, ...(step.channel === 'email' && sent?.to ? { to: sent.to } : {}) }, ports: ['out'] };
      } catch (error) {
        if (isCancellation(error)) throw error;
        throw new StepFailure(step.id, exhausted(stepErrorOf(error), NOTIFY_ATTEMPTS), request);
      }
    }
  }
}

/** Approvals that escalate, and e-mail their approvers and escalatees; runs recorded before it replay without. */
export const APPROVAL_ESCALATION_PATCH = 'approval-escalation-mail';

async function approval(step: Extract<PlanStep, { kind: 'approval' }>, ctx: StepContext): Promise<{ output: unknown; ports: string[] }> {
  const reason = String(expr(ctx, step.message));
  const requestedAt = Date.now();
  const current = patched(APPROVAL_ESCALATION_PATCH);
  const escalation = current && step.escalateAfterMs !== undefined && step.escalateTo?.length ? { at: requestedAt + step.escalateAfterMs, to: step.escalateTo } : undefined;
  await bookkeeping.openApproval({
    runId: ctx.input.runId,
    nodeId: step.id,
    reason,
    summary: { trigger: ctx.scope.trigger, steps: ctx.scope.steps },
    expiresAt: requestedAt + step.timeoutMs,
    approvers: step.approvers,
    ...(escalation ? { escalateAt: escalation.at } : {}),
    partial: { runId: ctx.input.runId, status: 'waiting', steps: ctx.state.records, searchKeys: [...ctx.state.searchKeys] },
  });
  /** What was e-mailed to whom, for the run page (step output). */
  const emails: string[] = [];
  let escalatedTo: string[] | undefined;
  const isDecided = () => ctx.decisions.has(step.id);
  // Deadlines count from the request, so time spent e-mailing does not stretch them.
  const waitUntil = (at: number) => condition(isDecided, Math.max(1, at - Date.now()));
  let decided: boolean;
  if (!current) decided = await condition(isDecided, step.timeoutMs);
  else {
    emails.push(await mailNote(ctx, step.id, 'request'));
    decided = escalation ? await waitUntil(escalation.at) : isDecided();
    if (!decided && escalation && (await bookkeeping.escalateApproval({ runId: ctx.input.runId, nodeId: step.id, escalateTo: escalation.to, at: Date.now() })).escalated) {
      escalatedTo = escalation.to;
      emails.push(await mailNote(ctx, step.id, 'escalation'));
    }
    decided ||= await waitUntil(requestedAt + step.timeoutMs);
  }
  const decision: ApprovalDecision = decided
    ? (ctx.decisions.get(step.id) as ApprovalDecision)
    : { nodeId: step.id, approved: step.onTimeout === 'approve', comment: `No decision within the time limit; ${step.onTimeout === 'approve' ? 'approved' : 'rejected'} automatically.` };
  if (!decided) await bookkeeping.expireApproval({ runId: ctx.input.runId, nodeId: step.id, approved: decision.approved });
  return {
    output: { approved: decision.approved, ...(decision.by ? { by: decision.by } : {}), ...(decision.comment ? { comment: decision.comment } : {}), decidedAt: Date.now(), ...(escalatedTo ? { escalatedTo } : {}), ...(emails.length ? { emails } : {}) },
    ports: [decision.approved ? 'approved' : 'rejected'],
  };
}

/** E-mails about an approval are a courtesy: the inbox shows it regardless, so a failure becomes a note, not a failed run. */
async function mailNote(ctx: StepContext, nodeId: string, kind: 'request' | 'escalation'): Promise<string> {
  try {
    const r = await approvalMail.sendApprovalMail({ runId: ctx.input.runId, nodeId, kind });
    return r.note ?? `${kind} e-mailed to ${r.to.join(', ')}`;
  } catch (error) {
    if (isCancellation(error)) throw error;
    return `the ${kind} e-mail failed: ${stepErrorOf(error).message}`;
  }
}

/** Registers the approval signal handler; decisions may arrive before the step reaches its wait. */
export function listenForApprovals(decisions: Map<string, ApprovalDecision>): void {
  setHandler(approvalSignal, (d) => {
    if (!decisions.has(d.nodeId)) decisions.set(d.nodeId, d);
  });
}
