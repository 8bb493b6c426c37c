// What the HTTP client lets observers see, without depending on any of them: a client span per attempt
// through the OpenTelemetry API (a no-op until an app registers a tracer provider) and rate-limiter waits
// on a diagnostics channel (published only while someone subscribes). Nothing here sees a secret: URLs
// arrive already redacted.
import { channel } from 'node:diagnostics_channel';
import { type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

export const RATE_LIMITER_WAIT_CHANNEL = 'conduit:rate-limiter:wait';

export interface RateLimiterWait {
  connector: string;
  /** `waited`: slept for a token; `deferred`: the wait was too long and went back to the engine as a retry delay. */
  outcome: 'waited' | 'deferred';
  waitMs: number;
}

const waits = channel(RATE_LIMITER_WAIT_CHANNEL);

export function publishRateLimiterWait(event: RateLimiterWait): void {
  if (waits.hasSubscribers) waits.publish(event);
}

export function startHttpSpan(attempt: { connector: string; method: string; url: URL; shownPath: string; what: string; attempt: number }): Span {
  // Looked up per call, not once at import: a tracer taken before the app registers its provider stays a
  // no-op when the ESM and CommonJS builds of the API are both loaded (the SDK requires the CommonJS one).
  const span = trace.getTracer('@conduit/connector-kit').startSpan(attempt.what, { kind: SpanKind.CLIENT });
  if (span.isRecording()) {
    span.setAttributes({
      'http.request.method': attempt.method,
      'server.address': attempt.url.hostname,
      'url.full': `${attempt.url.origin}${attempt.shownPath}`,
      'conduit.connector': attempt.connector,
      ...(attempt.attempt > 1 ? { 'http.request.resend_count': attempt.attempt - 1 } : {}),
    });
  }
  return span;
}

export function endHttpSpan(span: Span, result: { status?: number; errorType?: string; message?: string }): void {
  if (span.isRecording()) {
    if (result.status !== undefined) span.setAttribute('http.response.status_code', result.status);
    if (result.errorType) {
      span.setAttribute('error.type', result.errorType);
      span.setStatus({ code: SpanStatusCode.ERROR, ...(result.message ? { message: result.message } : {}) });
    }
  }
  span.end();
}
