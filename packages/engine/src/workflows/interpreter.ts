// Walks plan steps in order: skips steps whose incoming branches were not taken, reuses outputs of a
// resumed run, executes the rest, and keeps the run state. Shared by flowRun and forEachBatch.
import type { PlanStep, PreparedPlan } from '@conduit/flow/runtime';
import { executeChild } from '@temporalio/workflow';
import type { FlowRunInput } from '../client/flow-input';
import type { RunScope } from '../scope';
import { searchKeysOf } from '../search-keys';
import type { StepRecord } from '../types';
import { Frame, type RunState, StepFailure } from './state';
import { type ApprovalDecision, executeStep, type StepContext } from './steps';

/** Lists longer than this run in child workflows of this many items, so each history stays bounded. */
export const INLINE_ITEMS = 100;

export interface BatchInput {
  input: FlowRunInput;
  forEachId: string;
  items: unknown[];
  offset: number;
  steps: Record<string, unknown>;
  iteration: string;
}

export interface BatchResult {
  records: StepRecord[];
  searchKeys: string[];
  failure?: { nodeId: string; error: StepFailure['error']; input?: unknown };
}

function portsOfOutput(step: PlanStep, output: unknown): string[] {
  const o = (output ?? {}) as Record<string, unknown>;
  switch (step.kind) {
    case 'condition':
      return [o.result ? 'true' : 'false'];
    case 'switch':
      return [String(o.port ?? 'default')];
    case 'approval':
      return [o.approved ? 'approved' : 'rejected'];
    case 'forEach':
      return ['done'];
    default:
      return ['out'];
  }
}

export class Interpreter {
  current?: string;

  constructor(
    private readonly input: FlowRunInput,
    private readonly plan: PreparedPlan,
    readonly state: RunState,
    private readonly decisions: Map<string, ApprovalDecision>,
  ) {}

  async run(steps: PlanStep[], scope: RunScope, frame: Frame): Promise<void> {
    for (const step of steps) {
      if (step.after.length && !step.after.some((a) => frame.isTaken(a.from, a.port))) {
        this.state.skip(step.id);
        continue;
      }
      this.current = step.id;
      const resumed = frame.iteration === undefined ? this.input.resume?.outputs[step.id] : undefined;
      const record = this.state.begin(step.id);
      let result: { output: unknown; ports: string[]; note?: string; input?: unknown };
      if (resumed !== undefined) {
        result = { output: resumed, ports: portsOfOutput(step, resumed) };
      } else {
        const ctx: StepContext = { input: this.input, prepared: this.plan, state: this.state, scope, decisions: this.decisions, runLoop: (s, items) => this.loop(s, items, scope, frame), ...(frame.iteration ? { iteration: frame.iteration } : {}) };
        try {
          result = await executeStep(step, ctx);
        } catch (error) {
          if (!(error instanceof StepFailure)) throw error;
          this.state.fail(record, error.error);
          if (error.input !== undefined) record.input = error.input;
          throw new StepFailure(error.nodeId || step.id, error.error, error.input);
        }
      }
      scope.steps[step.id] = result.output;
      this.state.succeed(record, result.output);
      if (result.note) record.note = result.note;
      // What a connector step sent, as the run page and test runs show it (redacted when stored).
      if (result.input !== undefined) record.input = result.input;
      if (step.kind === 'lookup' || step.kind === 'write') for (const k of searchKeysOf(result.output)) this.state.searchKeys.add(k);
      for (const port of result.ports) frame.take(step.id, port);
    }
  }

  /** One iteration per item; every iteration has its own frame and `steps.<forEachId>` = { item, index }. */
  async iterate(step: { id: string; body: PlanStep[] }, items: unknown[], options: { scope: RunScope; frame: Frame; offset: number }): Promise<void> {
    for (const [i, item] of items.entries()) {
      const index = options.offset + i;
      const frame = new Frame(`${options.frame.iteration ?? ''}#${index}`, options.frame);
      frame.take(step.id, 'each');
      await this.run(step.body, { ...options.scope, steps: { ...options.scope.steps, [step.id]: { item, index } } }, frame);
    }
  }

  private async loop(step: Extract<PlanStep, { kind: 'forEach' }>, items: unknown[], scope: RunScope, frame: Frame): Promise<void> {
    // Progress is reported for loops at the top level; an inner loop's items count towards its outer item.
    const progress = frame.iteration === undefined ? { nodeId: step.id, done: 0, total: items.length, startedAt: Date.now() } : undefined;
    if (progress) this.state.loops.set(step.id, progress);
    if (items.length <= INLINE_ITEMS) {
      for (const [i, item] of items.entries()) {
        await this.iterate(step, [item], { scope, frame, offset: i });
        if (progress) progress.done = i + 1;
      }
      return;
    }
    for (let offset = 0; offset < items.length; offset += INLINE_ITEMS) {
      const batch: BatchInput = { input: this.input, forEachId: step.id, items: items.slice(offset, offset + INLINE_ITEMS), offset, steps: scope.steps, iteration: frame.iteration ?? '' };
      const result = await executeChild<(b: BatchInput) => Promise<BatchResult>>('forEachBatch', { args: [batch], workflowId: `${this.input.runId}:${step.id}${frame.iteration ?? ''}:${offset}` });
      for (const r of result.records) this.state.adopt(r);
      for (const k of result.searchKeys) this.state.searchKeys.add(k);
      if (progress) progress.done = Math.min(items.length, offset + INLINE_ITEMS);
      if (result.failure) throw new StepFailure(result.failure.nodeId, result.failure.error, result.failure.input);
    }
  }
}
