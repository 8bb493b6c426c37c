// What a test run reports while it runs; the canvas lights nodes up from this.
export type StepState = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped';

export interface StepProgress {
  nodeId: string;
  state: StepState;
  input?: unknown;
  output?: unknown;
  /** Why a step failed or was skipped, in words. */
  note?: string;
  durationMs?: number;
}

export interface TestRunProgress {
  runId: string;
  status: 'running' | 'succeeded' | 'failed' | 'filtered';
  steps: StepProgress[];
  message?: string;
}
