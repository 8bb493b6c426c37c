// Conduit's observability helpers shared by the designer, the worker and the engine: JSON logs, tracing,
// Prometheus metrics. Temporal wiring lives in ./temporal (worker) and ./temporal-client (designer).
export { configureLogging, disableLogging, log, withLogContext, type RunLogContext, type LogFields, type LogLevel } from './log';
export { initTracing, currentTracing, currentTraceId, tracingEnabled, withSpan, type Tracing } from './tracing';
export {
  registry, metricsText, metricsContentType, registerDeadLetterBacklog,
  runsStarted, runsCompleted, runDuration, runFailures, rateLimiterWaits, rateLimiterWaitSeconds, webhookRequests,
} from './metrics';
export { checkMetricsAccess, isLoopbackHost, webhookOutcome, type MetricsAccess } from './metrics-access';
export { startMetricsServer, type MetricsServer } from './metrics-server';
export { countRateLimiterWaits } from './rate-limiter-metrics';
export { traceUrl } from './trace-url';
