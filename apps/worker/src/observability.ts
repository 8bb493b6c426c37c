// The worker's /metrics: the shared registry plus what only the worker measures (dead-letter backlog from
// the database, rate-limiter waits of its connector calls). A port already taken (a second local stack)
// leaves this worker without metrics rather than without a worker.
import type { Db } from '@conduit/db';
import { openDeadLetters } from '@conduit/engine';
import { countRateLimiterWaits, log, registerDeadLetterBacklog, startMetricsServer, type MetricsServer } from '@conduit/telemetry';
import type { WorkerEnv } from './env';

export async function startWorkerMetrics(env: WorkerEnv, db: Db): Promise<MetricsServer | undefined> {
  countRateLimiterWaits();
  registerDeadLetterBacklog(() => openDeadLetters(db));
  try {
    const server = await startMetricsServer({ host: env.WORKER_METRICS_HOST, port: env.WORKER_METRICS_PORT, ...(env.METRICS_TOKEN ? { token: env.METRICS_TOKEN } : {}) });
    log.info('metrics listening', { url: server.url });
    return server;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    log.warn('metrics port in use; this worker serves no /metrics (set WORKER_METRICS_PORT)', { port: env.WORKER_METRICS_PORT });
    return undefined;
  }
}
