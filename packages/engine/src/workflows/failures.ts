// Reads an activity failure back into the step error the run history and dead letter show.
import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/workflow';
import type { StepError } from '../types';

export function stepErrorOf(error: unknown): StepError {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) {
    const detail = cause.details?.[0] as Partial<StepError> | undefined;
    if (detail && typeof detail === 'object' && typeof detail.message === 'string') {
      return { ...(detail as StepError), type: cause.type ?? detail.type ?? 'Error', message: detail.message };
    }
    return { type: cause.type ?? 'Error', message: cause.message };
  }
  if (cause instanceof TimeoutFailure) return { type: 'RetryableError', reason: 'timeout', message: `the step timed out (${cause.timeoutType})` };
  return { type: 'Error', message: cause instanceof Error ? cause.message : String(cause) };
}

/** Retryable errors that ran out of attempts still end the run, but say so. */
export function exhausted(error: StepError, attempts: number): StepError {
  if (error.type === 'PermanentError') return error;
  return { ...error, message: `${error.message} (gave up after ${attempts} attempts)` };
}
