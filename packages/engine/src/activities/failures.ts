// Maps the connector kit's error classes to Temporal retry decisions: permanent errors fail the step at
// once (and end in a dead letter), retryable ones follow the node's retry policy, rate limits wait as
// long as the remote asked. The ConnectorErrorJSON travels as the failure's details for the run history.
import { ConnectorError, PermanentError, RateLimitedError, toConnectorError } from '@conduit/connector-kit';
import { ApplicationFailure } from '@temporalio/common';

export function toApplicationFailure(error: unknown, connectorTitle?: string): ApplicationFailure {
  const e = error instanceof ConnectorError ? error : toConnectorError(error, connectorTitle ?? 'connector');
  const json = e.toJSON();
  return ApplicationFailure.create({
    type: json.type,
    message: e.message,
    nonRetryable: e instanceof PermanentError,
    ...(e instanceof RateLimitedError && e.retryAfterMs !== undefined ? { nextRetryDelay: e.retryAfterMs } : {}),
    details: [json],
  });
}
