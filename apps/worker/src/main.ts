// Worker process entry: JSON logs and (when configured) tracing first, then serve the configured
// environments until SIGINT/SIGTERM, drain, flush spans and exit.
import { configureLogging, initTracing, log } from '@conduit/telemetry';
import { DefaultLogger, type LogLevel, Runtime } from '@temporalio/worker';
import { setFlagsFromString } from 'node:v8';
import { readWorkerEnv } from './env';

// A 1 MB young generation for the workflow threads the SDK starts later (one per task queue): runs allocate
// little that lives, and the 16 MB default per thread is mostly resident memory. Measured with
// packages/engine/bench/flow-run.ts at concurrency 10: worker peak RSS 620 -> 534 MB, CPU per run within noise.
// (The main thread's heap is already set up; `node --max-semi-space-size=1` would also cover it: 477 MB.)
setFlagsFromString('--max-semi-space-size=1');
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
