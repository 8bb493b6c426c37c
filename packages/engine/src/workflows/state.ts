// What one run remembers while it executes: step outputs (the `steps` scope), which output ports were
// taken (branches), and the step records written to the run history at the end.
import type { StepError, StepRecord } from '../types';

export class RunState {
  readonly outputs: Record<string, unknown> = {};
  readonly records: StepRecord[] = [];
  readonly searchKeys = new Set<string>();
  private readonly taken = new Set<string>();
  private seq = 0;

  take(from: string, port: string): void {
    this.taken.add(`${from}:${port}`);
  }

  isTaken(from: string, port: string): boolean {
    return this.taken.has(`${from}:${port}`);
  }

  begin(nodeId: string, input?: unknown): StepRecord {
    const record: StepRecord = { nodeId, seq: this.seq++, status: 'running', attempts: 1, startedAt: Date.now(), ...(input === undefined ? {} : { input }) };
    this.records.push(record);
    return record;
  }

  succeed(record: StepRecord, output: unknown, attempts = 1): void {
    record.status = 'succeeded';
    record.output = output;
    record.attempts = attempts;
    record.finishedAt = Date.now();
  }

  fail(record: StepRecord, error: StepError, attempts = 1): void {
    record.status = 'failed';
    record.error = error;
    record.attempts = attempts;
    record.finishedAt = Date.now();
  }

  skip(nodeId: string): void {
    const now = Date.now();
    this.records.push({ nodeId, seq: this.seq++, status: 'skipped', attempts: 0, startedAt: now, finishedAt: now });
  }
}

/** A step failure that ends the run in a dead letter (retrying the step cannot help). */
export class StepFailure extends Error {
  constructor(
    readonly nodeId: string,
    readonly error: StepError,
    readonly input?: unknown,
  ) {
    super(error.message);
  }
}
