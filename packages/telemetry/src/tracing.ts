// OpenTelemetry tracing: off (the API's no-op tracer, no context manager) unless an app calls
// initTracing with an OTLP/HTTP endpoint; then spans go out in batches to `<endpoint>/v1/traces`.
import { context, INVALID_SPAN_CONTEXT, isSpanContextValid, type Span, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { processState } from './process-state';

export interface Tracing {
  resource: Resource;
  /** Also handed to the Temporal worker, which exports workflow spans from its sandbox through it. */
  processor: SpanProcessor;
  /** Sends what is buffered; call before exit and in tests before reading the receiver. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const state = processState<{ active?: Tracing }>('tracing', () => ({}));

export function tracingEnabled(): boolean {
  return state.active !== undefined;
}

export function currentTracing(): Tracing | undefined {
  return state.active;
}

/** Starts exporting when `endpoint` is set (OTEL_EXPORTER_OTLP_ENDPOINT); returns undefined otherwise. */
export function initTracing(options: { serviceName: string; endpoint?: string; headers?: Record<string, string> }): Tracing | undefined {
  if (state.active || !options.endpoint) return state.active;
  const url = `${options.endpoint.replace(/\/+$/, '')}/v1/traces`;
  const resource = new Resource({ 'service.name': options.serviceName });
  const processor = new BatchSpanProcessor(new OTLPTraceExporter({ url, ...(options.headers ? { headers: options.headers } : {}) }), { scheduledDelayMillis: 1000 });
  const provider = new BasicTracerProvider({ resource, spanProcessors: [processor] });
  provider.register({ contextManager: new AsyncLocalStorageContextManager().enable() });
  state.active = {
    resource,
    processor,
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      state.active = undefined;
    },
  };
  return state.active;
}

/** The trace id of the span active here, or undefined (always undefined while tracing is off). */
export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const sc = span.spanContext();
  return isSpanContextValid(sc) ? sc.traceId : undefined;
}

const tracer = () => trace.getTracer('conduit');
const noSpan = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * Runs `fn` inside a new active span that ends when `fn` settles; errors mark the span and rethrow.
 * While tracing is off, `fn` runs directly with a non-recording span.
 */
export async function withSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  if (!state.active) return fn(noSpan);
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
