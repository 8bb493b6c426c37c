// Public surface of the connector kit.
export type * from './define';
export { defineConnector, defineAction, defineTrigger, kitFor } from './builders';
export { ConnectorRegistry, type ListedAction, type ListedTrigger } from './registry';
export { openConnection, testConnection, findAction, findTrigger, type Connection, type CallOptions, type AuthTestResult } from './connection';
export { receiveWebhook, safeEqual, headerValue } from './webhook';
export { describeConnector, jsonSchemaOf, type JsonSchema, type ConnectorDescription, type ActionDescription, type TriggerDescription } from './describe';
export {
  ConnectorError, PermanentError, RetryableError, RateLimitedError, NON_RETRYABLE_ERROR_TYPES, errorFromJSON, retryDecision, toConnectorError, describeSubject,
  type ErrorSubject, type ValidationIssue, type PermanentReason, type RetryableReason, type ConnectorErrorJSON, type ConnectorErrorInit, type RetryDecision,
} from './errors';
export { createHttpClient, type HttpClient, type HttpClientOptions, type HttpRequest, type HttpResponse, type HttpMethod, type QueryValue } from './http/client';
export type { HttpFailure } from './http/classify';
export { classifyStatus, parseRetryAfter } from './http/classify';
export { TokenBucket, type RateLimit } from './http/rate-limiter';
export { RATE_LIMITER_WAIT_CHANNEL, type RateLimiterWait } from './http/observe';
export { classifyAddress, type AddressClass } from './http/address';
export { ipAllowed, allowlistEntryProblem } from './http/ip-allowlist';
export { createRedactor, type Redactor } from './redact';
export { noopLogger, memoryLogger, type Logger, type LogEntry, type LogLevel, type LogFields } from './log';
export { parseOrThrow } from './validate';
