// How a worker process is assembled: one Temporal Worker per environment task queue, sharing one
// workflow bundle (built once) and one set of activities (one connection pool per stored connection).
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from './activities';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));


let bundle: ReturnType<typeof bundleWorkflowCode> | undefined;

/**
 * The workflow bundle, built once per process. Not preloaded: the SDK freezes preloaded modules, and zod
 * defines its methods lazily on first use ("Cannot define property safeParse, object is not extensible").
 */
export function productionBundle(): ReturnType<typeof bundleWorkflowCode> {
  bundle ??= bundleWorkflowCode({ workflowsPath });
  return bundle;
}

export async function createWorkers(options: { connection: NativeConnection; namespace: string; taskQueues: string[]; deps: ActivityDeps }): Promise<{ workers: Worker[]; close(): Promise<void> }> {
  const { close, ...activities } = createActivities(options.deps);
  const workflowBundle = await productionBundle();
  const workers = await Promise.all(
    options.taskQueues.map((taskQueue) =>
      Worker.create({
        connection: options.connection,
        namespace: options.namespace,
        taskQueue,
        workflowBundle,
        activities,
        // Many short runs: plenty of workflow tasks and local activities in flight, and a bounded cache
        // of sticky workflows per queue (each cached run holds its state in memory).
        maxConcurrentWorkflowTaskExecutions: 100,
        maxConcurrentLocalActivityExecutions: 200,
        maxCachedWorkflows: 500,
      }),
    ),
  );
  return { workers, close };
}
