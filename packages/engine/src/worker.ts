// How a worker process is assembled: one Temporal Worker per environment task queue, sharing one set of
// activities (one connection pool per stored connection) across them.
import { fileURLToPath } from 'node:url';
import { type NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from './activities';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

export async function createWorkers(options: { connection: NativeConnection; namespace: string; taskQueues: string[]; deps: ActivityDeps }): Promise<{ workers: Worker[]; close(): Promise<void> }> {
  const { close, ...activities } = createActivities(options.deps);
  const workers = await Promise.all(
    options.taskQueues.map((taskQueue) =>
      Worker.create({
        connection: options.connection,
        namespace: options.namespace,
        taskQueue,
        workflowsPath,
        activities,
        // Many short runs: keep plenty of workflow tasks and local activities in flight on two cores.
        maxConcurrentWorkflowTaskExecutions: 100,
        maxConcurrentLocalActivityExecutions: 200,
        maxCachedWorkflows: 2000,
      }),
    ),
  );
  return { workers, close };
}
