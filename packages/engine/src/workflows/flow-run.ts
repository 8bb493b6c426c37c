// The interpreter: runs one pinned flow version for one trigger event. Edit with care: any change to
// the commands it issues must be guarded with patched() and covered by the replayed histories in CI.
import type { PlanStep } from '@conduit/flow';
import { CancellationScope, defineQuery, isCancellation, setHandler } from '@temporalio/workflow';
import type { FlowRunInput } from '../client/flow-input';
import type { RunScope } from '../scope';
import { searchKeysOf } from '../search-keys';
import { explainFailure } from '../suggestions';
import type { RunRecord, RunStatusName, StepRecord } from '../types';
import { bookkeeping } from './activities-proxy';
import { prepared } from './plan-cache';
import { RunState, StepFailure } from './state';
import { type ApprovalDecision, executeStep, listenForApprovals, type StepContext } from './steps';

export interface RunProgress {
  status: RunStatusName;
  current?: string;
  steps: StepRecord[];
}
export const progressQuery = defineQuery<RunProgress>('progress');

export interface RunOutcome {
  status: RunStatusName;
  error?: string;
  outputs: Record<string, unknown>;
}

/** Step outputs a resumed run reuses tell which port the step took. */
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

export async function flowRun(input: FlowRunInput): Promise<RunOutcome> {
  const state = new RunState();
  const decisions = new Map<string, ApprovalDecision>();
  let status: RunStatusName = 'running';
  let current: string | undefined;
  listenForApprovals(decisions);
  setHandler(progressQuery, () => ({ status, ...(current ? { current } : {}), steps: state.records }));

  const plan = prepared(input.versionId, input.plan);
  const triggerId = plan.plan.trigger.id;
  state.outputs[triggerId] = input.trigger.payload;
  state.take(triggerId, 'out');
  // The trigger is step 0 of the history: the run page shows it, and a re-run starts from its payload.
  state.succeed(state.begin(triggerId), input.trigger.payload);
  for (const k of searchKeysOf(input.trigger.payload)) state.searchKeys.add(k);
  const baseScope: RunScope = { trigger: input.trigger.payload, steps: state.outputs, env: input.environment.variables };

  const runSteps = async (steps: PlanStep[], scope: RunScope, iteration?: string): Promise<void> => {
    for (const step of steps) {
      if (step.after.length && !step.after.some((a) => state.isTaken(a.from, a.port))) {
        state.skip(step.id);
        continue;
      }
      current = step.id;
      const resumed = iteration === undefined ? input.resume?.outputs[step.id] : undefined;
      const record = state.begin(step.id);
      let result: { output: unknown; ports: string[] };
      if (resumed !== undefined) {
        result = { output: resumed, ports: portsOfOutput(step, resumed) };
      } else {
        const ctx: StepContext = { input, prepared: plan, state, scope, decisions, runBody: (body, s, it) => runSteps(body, s, it), ...(iteration ? { iteration } : {}) };
        try {
          result = await executeStep(step, ctx);
        } catch (error) {
          if (error instanceof StepFailure) {
            state.fail(record, error.error);
            if (error.input !== undefined) record.input = error.input;
            throw new StepFailure(error.nodeId || step.id, error.error, error.input);
          }
          throw error;
        }
      }
      scope.steps[step.id] = result.output;
      state.succeed(record, result.output);
      if (step.kind === 'lookup' || step.kind === 'write') for (const k of searchKeysOf(result.output)) state.searchKeys.add(k);
      for (const port of result.ports) state.take(step.id, port);
    }
  };

  const finish = async (outcome: Omit<RunRecord, 'runId' | 'steps' | 'searchKeys'>): Promise<RunOutcome> => {
    status = outcome.status;
    current = undefined;
    // Recording must happen even when the run was cancelled.
    await CancellationScope.nonCancellable(() => bookkeeping.recordRun({ runId: input.runId, steps: state.records, searchKeys: [...state.searchKeys], finishedAt: Date.now(), ...outcome }));
    return { status: outcome.status, ...(outcome.error ? { error: outcome.error } : {}), outputs: state.outputs };
  };

  try {
    await runSteps(plan.plan.steps, baseScope);
    return await finish({ status: 'succeeded' });
  } catch (error) {
    if (error instanceof StepFailure) {
      const { reasonCode, suggestion } = explainFailure(error.error);
      return finish({
        status: 'dead_lettered',
        error: error.error.message,
        deadLetter: { nodeId: error.nodeId, reasonCode, message: error.error.message, suggestion, ...(error.input !== undefined ? { input: error.input } : {}) },
      });
    }
    if (isCancellation(error)) return finish({ status: 'cancelled', error: 'cancelled by a person' });
    throw error;
  }
}
