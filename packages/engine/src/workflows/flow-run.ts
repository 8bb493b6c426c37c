// The interpreter's workflows: flowRun runs one pinned flow version for one trigger event; forEachBatch
// runs a slice of a long for-each list as a child. Edit with care: any change to the commands they issue
// must be guarded with patched() and covered by the replayed histories in CI.
import { CancellationScope, defineQuery, isCancellation, setHandler } from '@temporalio/workflow';
import type { FlowRunInput } from '../client/flow-input';
import type { RunScope } from '../scope';
import { searchKeysOf } from '../search-keys';
import { explainFailure } from '../suggestions';
import type { RunRecord, RunStatusName, StepRecord } from '../types';
import { bookkeeping } from './activities-proxy';
import { type BatchInput, type BatchResult, Interpreter } from './interpreter';
import { preparedPlanFor as prepared } from '@conduit/flow/runtime';
import { Frame, type LoopProgress, RunState, StepFailure } from './state';
import { type ApprovalDecision, listenForApprovals } from './steps';

export interface RunProgress {
  status: RunStatusName;
  current?: string;
  steps: StepRecord[];
  error?: string;
  /** For-each loops started so far: items done of total (the run page's progress bar). */
  loops?: LoopProgress[];
}
export const progressQuery = defineQuery<RunProgress>('progress');

export interface RunOutcome {
  status: RunStatusName;
  error?: string;
  outputs: Record<string, unknown>;
}

export async function flowRun(input: FlowRunInput): Promise<RunOutcome> {
  const state = new RunState();
  const decisions = new Map<string, ApprovalDecision>();
  let status: RunStatusName = 'running';
  let error: string | undefined;
  listenForApprovals(decisions);
  const plan = prepared(input.versionId, input.plan);
  const interpreter = new Interpreter(input, plan, state, decisions);
  setHandler(progressQuery, () => ({ status, ...(interpreter.current ? { current: interpreter.current } : {}), ...(error ? { error } : {}), steps: state.records, ...(state.loops.size ? { loops: [...state.loops.values()] } : {}) }));

  const triggerId = plan.plan.trigger.id;
  const frame = new Frame();
  state.outputs[triggerId] = input.trigger.payload;
  frame.take(triggerId, 'out');
  // The trigger is step 0 of the history: the run page shows it, and a re-run starts from its payload.
  state.succeed(state.begin(triggerId), input.trigger.payload);
  for (const k of searchKeysOf(input.trigger.payload)) state.searchKeys.add(k);
  const scope: RunScope = { trigger: input.trigger.payload, steps: state.outputs, env: input.environment.variables };

  const finish = async (outcome: Omit<RunRecord, 'runId' | 'steps' | 'searchKeys'>): Promise<RunOutcome> => {
    status = outcome.status;
    error = outcome.error;
    interpreter.current = undefined;
    // Recording must happen even when the run was cancelled. Test runs of drafts leave no history: the
    // designer reads them through the progress query.
    if (input.trigger.kind !== 'test') {
      await CancellationScope.nonCancellable(() => bookkeeping.recordRun({ runId: input.runId, steps: state.records, searchKeys: [...state.searchKeys], finishedAt: Date.now(), ...outcome }));
    }
    return { status: outcome.status, ...(outcome.error ? { error: outcome.error } : {}), outputs: state.outputs };
  };

  try {
    await interpreter.run(plan.plan.steps, scope, frame);
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

/** A slice of a long for-each list; returns its step records for the parent run to record. */
export async function forEachBatch(batch: BatchInput): Promise<BatchResult> {
  const plan = prepared(batch.input.versionId, batch.input.plan);
  const step = plan.steps.get(batch.forEachId);
  if (step?.kind !== 'forEach') throw new Error(`step ${batch.forEachId} is not a for-each in this plan`);
  const state = new RunState();
  const interpreter = new Interpreter(batch.input, plan, state, new Map());
  const scope: RunScope = { trigger: batch.input.trigger.payload, steps: { ...batch.steps }, env: batch.input.environment.variables };
  const frame = new Frame(batch.iteration || undefined);
  try {
    await interpreter.iterate(step, batch.items, { scope, frame, offset: batch.offset });
    return { records: state.records, searchKeys: [...state.searchKeys] };
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    return { records: state.records, searchKeys: [...state.searchKeys], failure: { nodeId: error.nodeId, error: error.error, ...(error.input !== undefined ? { input: error.input } : {}) } };
  }
}
