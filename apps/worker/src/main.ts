// Worker process entry: JSON logs and (when configured) tracing first, then serve the configured
// environments until SIGINT/SIGTERM, drain, flush spans and exit.
import { configureLogging, initTracing, log } from '@conduit/telemetry';
import { DefaultLogger, type LogLevel, Runtime } from '@temporalio/worker';
import { readWorkerEnv } from './env';
import { startWorker } from './worker';

const TEMPORAL_LEVELS: Record<LogLevel, 'debug' | 'info' | 'warn' | 'error'> = { TRACE: 'debug', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

try {
  const env = readWorkerEnv();
  configureLogging({ level: env.LOG_LEVEL, service: env.OTEL_SERVICE_NAME });
  // Temporal's own lines (worker state, activity failures) become JSON lines too; below WARN they are noise.
  Runtime.install({ logger: new DefaultLogger('WARN', (entry) => log[TEMPORAL_LEVELS[entry.level]](entry.message, entry.meta)) });
  const tracing = initTracing({ serviceName: env.OTEL_SERVICE_NAME, ...(env.OTEL_EXPORTER_OTLP_ENDPOINT ? { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT } : {}) });
  const running = await startWorker(env);
  log.info(`worker ready on ${running.taskQueues.join(', ')}`, { temporal: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE, tracing: Boolean(tracing), ...(running.metricsUrl ? { metrics: running.metricsUrl } : {}) });
  const stop = () => void running.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await running.done;
  await tracing?.shutdown();
  log.info('worker stopped');
} catch (error) {
  // Before logging is configured (bad env) this must still reach the operator.
  console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), msg: `worker cannot start: ${error instanceof Error ? error.message : String(error)}` }));
  process.exit(1);
}
