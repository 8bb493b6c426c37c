// Next calls register() once per server process: turn on JSON logs and (with OTEL_EXPORTER_OTLP_ENDPOINT)
// tracing, then start the operate side's background jobs (alert rules every minute, run retention every
// hour) — in the Node.js runtime only and never during a build.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { env } = await import('./env');
  const { configureLogging, initTracing } = await import('@conduit/telemetry');
  const e = env();
  configureLogging({ level: e.LOG_LEVEL, service: e.OTEL_SERVICE_NAME });
  initTracing({ serviceName: e.OTEL_SERVICE_NAME, ...(e.OTEL_EXPORTER_OTLP_ENDPOINT ? { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT } : {}) });
  const { db, secrets } = await import('./server/db');
  const { startOperateJobs } = await import('./server/alerts/scheduler');
  startOperateJobs({ db: db(), secrets: secrets() });
}
