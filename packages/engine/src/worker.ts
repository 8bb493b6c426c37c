// How a worker process is assembled: one Temporal Worker per environment task queue, sharing activities.
import { fileURLToPath } from 'node:url';
import { type NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from './activities';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

export async function createWorkers(options: {
  connection: NativeConnection;
  namespace: string;
  taskQueues: string[];
  deps: ActivityDeps;
}): Promise<Worker[]> {
  const activities = createActivities(options.deps);
  return Promise.all(
    options.taskQueues.map((taskQueue) =>
      Worker.create({ connection: options.connection, namespace: options.namespace, taskQueue, workflowsPath, activities }),
    ),
  );
}
