// What one run remembers while it executes: step outputs (the `steps` scope) and the step records
// written to the run history at the end. Which ports were taken lives in a Frame per loop iteration.
import type { StepError, StepRecord } from '../types';

/** A for-each in progress, for the progress query: items done of total, and when it started. */
export interface LoopProgress {
  nodeId: string;
  done: number;
  total: number;
  startedAt: number;
}

export class RunState {
  readonly outputs: Record<string, unknown> = {};
  readonly records: StepRecord[] = [];
  readonly searchKeys = new Set<string>();
  /** Top-level for-each loops by node id (nested iterations are counted by their outer item). */
  readonly loops = new Map<string, LoopProgress>();
  private seq = 0;

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

  /** Takes a record produced elsewhere (a for-each batch child) into this run's sequence. */
  adopt(record: StepRecord): void {
    this.records.push({ ...record, seq: this.seq++ });
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

/** Ports taken so far in one pass over a list of steps; a for-each iteration starts its own frame. */
export class Frame {
  private readonly taken: Set<string>;

  constructor(
    readonly iteration?: string,
    parent?: Frame,
  ) {
    this.taken = new Set(parent?.taken);
  }

  take(from: string, port: string): void {
    this.taken.add(`${from}:${port}`);
  }

  isTaken(from: string, port: string): boolean {
    return this.taken.has(`${from}:${port}`);
  }
}
