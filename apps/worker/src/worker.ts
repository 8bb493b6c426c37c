import { hostname } from 'node:os';
import { checkDatabase, createDb, createSecretBox } from '@conduit/db';
import { createConnectorRegistry, createWorkers, startQueuedRunSweeper, temporalConnectionOptions } from '@conduit/engine';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { WorkerEnv } from './env';
import { startWorkerMetrics } from './observability';

export interface RunningWorker {
  taskQueues: string[];
  /** GET /metrics of this worker, when it serves one. */
  metricsUrl?: string;
  /** Resolves when every worker has drained and stopped. */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

export async function startWorker(env: WorkerEnv, connection?: NativeConnection): Promise<RunningWorker> {
  const secrets = createSecretBox(env.CONDUIT_SECRET_KEYS);
  await checkDatabase(env.DATABASE_URL);
  const conn =
    connection ??
    (await NativeConnection.connect(temporalConnectionOptions(env)).catch((cause: unknown) => {
      throw new Error(`Cannot reach Temporal at ${env.TEMPORAL_ADDRESS}; start it (conduit start) or set TEMPORAL_ADDRESS.`, { cause });
    }));
  const db = createDb({ databaseUrl: env.DATABASE_URL, maxConnections: 10 });
  const taskQueues = env.CONDUIT_ENVIRONMENTS.map((key) => `conduit-${key}`);
  const { workers, close } = await createWorkers({
    connection: conn,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueues,
    deps: {
      workerId: env.CONDUIT_WORKER_ID ?? `${hostname()}:${process.pid}`,
      db,
      secrets,
      registry: createConnectorRegistry(),
      ...(env.CONDUIT_SMTP_URL ? { mail: env.CONDUIT_SMTP_URL } : {}),
      ...(env.CONDUIT_DESIGNER_URL ? { designerUrl: env.CONDUIT_DESIGNER_URL } : {}),
    },
  });
  const metrics = await startWorkerMetrics(env, db);
  // Runs the ingress recorded but could not start (it answers first, then starts them) are started here.
  const client = new Client({ connection: conn, namespace: env.TEMPORAL_NAMESPACE });
  const sweeper = startQueuedRunSweeper({ db, temporal: async () => client }, { taskQueues });
  const done = Promise.all(workers.map((w) => w.run())).then(async () => {
    await sweeper.stop();
    await metrics?.close();
    await close();
    await db.$disconnect();
    if (!connection) await conn.close();
  });
  return {
    taskQueues,
    ...(metrics ? { metricsUrl: metrics.url } : {}),
    done,
    async shutdown() {
      for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
      await done;
    },
  };
}
