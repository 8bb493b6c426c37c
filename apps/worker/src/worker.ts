import { hostname } from 'node:os';
import { createWorkers } from '@conduit/engine';
import { NativeConnection } from '@temporalio/worker';
import type { WorkerEnv } from './env';

export interface RunningWorker {
  taskQueues: string[];
  /** Resolves when every worker has drained and stopped. */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

export async function startWorker(env: WorkerEnv, connection?: NativeConnection): Promise<RunningWorker> {
  const conn =
    connection ??
    (await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS }).catch((cause: unknown) => {
      throw new Error(`Cannot reach Temporal at ${env.TEMPORAL_ADDRESS}; start it (conduit start) or set TEMPORAL_ADDRESS.`, { cause });
    }));
  const taskQueues = env.CONDUIT_ENVIRONMENTS.map((key) => `conduit-${key}`);
  const workers = await createWorkers({
    connection: conn,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueues,
    deps: { workerId: env.CONDUIT_WORKER_ID ?? `${hostname()}:${process.pid}` },
  });
  const done = Promise.all(workers.map((w) => w.run())).then(async () => {
    if (!connection) await conn.close();
  });
  return {
    taskQueues,
    done,
    async shutdown() {
      for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
      await done;
    },
  };
}
