// Shapes that cross the workflow/activity boundary. Plain JSON only: they are stored in Temporal history.
import type { RecordRef } from './echo-refs';

export type RunStatusName = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'dead_lettered' | 'cancelled';
export type StepStatusName = 'running' | 'succeeded' | 'failed' | 'skipped' | 'waiting';

export interface StepError {
  type: string;
  message: string;
  reason?: string;
  remoteMessage?: string;
  subject?: { type: string; key?: string; name?: string; field?: string };
  issues?: Array<{ path: string; message: string }>;
}

export interface StepRecord {
  nodeId: string;
  seq: number;
  status: StepStatusName;
  attempts: number;
  input?: unknown;
  output?: unknown;
  error?: StepError;
  startedAt: number;
  finishedAt?: number;
  /** Why a step did not really happen (test runs do not wait for people or timers, nor send messages). */
  note?: string;
}

export interface DeadLetterRecord {
  nodeId: string;
  reasonCode: string;
  message: string;
  suggestion: string;
  input?: unknown;
}

export interface RunRecord {
  runId: string;
  status: RunStatusName;
  steps: StepRecord[];
  error?: string;
  deadLetter?: DeadLetterRecord;
  searchKeys: string[];
  finishedAt?: number;
}

export interface ConnectorStepRequest {
  environmentId: string;
  nodeId: string;
  /** `streak@1` */
  connector: string;
  action: string;
  connectionRef?: string;
  input: unknown;
  idempotencyKey?: string;
  /** Writes: the run, and the record it works on behalf of (both for the link table, see activities/links). */
  runId?: string;
  source?: RecordRef;
}
