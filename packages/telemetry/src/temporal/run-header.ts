// The run a workflow serves travels to its activities in one Temporal header, so activity logs carry
// runId, flowId and environment without adding fields to any activity's input (which history stores).

export const RUN_HEADER = 'conduit-run';

export interface RunHeader {
  runId?: string;
  flowId?: string;
  environment?: string;
}

/** flowRun's input, a forEachBatch's `input`, or a change-feed poll request: whichever names a run. */
export function runHeaderOf(arg: unknown): RunHeader | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as { runId?: unknown; flowId?: unknown; environment?: { key?: unknown }; input?: unknown };
  if (typeof a.flowId !== 'string') return a.input ? runHeaderOf(a.input) : undefined;
  return {
    flowId: a.flowId,
    ...(typeof a.runId === 'string' ? { runId: a.runId } : {}),
    ...(typeof a.environment?.key === 'string' ? { environment: a.environment.key } : {}),
  };
}
