// Maps the connector kit's error classes to Temporal retry decisions: permanent errors fail the step at
// once (and end in a dead letter), retryable ones follow the node's retry policy, rate limits wait as
// long as the remote asked. The ConnectorErrorJSON travels as the failure's details for the run history.
import { ConnectorError, PermanentError, type RetryableError, type RateLimitedError } from '@conduit/connector-kit';
import { ApplicationFailure } from '@temporalio/common';

/** Connector errors become typed failures; anything else (a database hiccup) is rethrown for Temporal to retry. */
export function toActivityFailure(error: unknown): unknown {
  return error instanceof ConnectorError ? toApplicationFailure(error) : error;
}

function toApplicationFailure(e: ConnectorError): ApplicationFailure {
  const json = e.toJSON();
  // Retry-After from a 429 or a 503 sets the next attempt's delay instead of the policy's back-off.
  const delay = (e as RetryableError | RateLimitedError).retryAfterMs;
  return ApplicationFailure.create({
    type: json.type,
    message: e.message,
    nonRetryable: e instanceof PermanentError,
    ...(delay !== undefined ? { nextRetryDelay: delay } : {}),
    details: [json],
  });
}
