// How a worker process is assembled: one Temporal Worker per environment task queue, sharing one
// workflow bundle (built once) and one set of activities (one connection pool per stored connection).
import { type NativeConnection, Worker } from '@temporalio/worker';
import { workerTelemetry } from '@conduit/telemetry/temporal';
import { createActivities, type ActivityDeps } from './activities';
import { productionBundle } from './bundle';

export { PRELOADED_MODULES, productionBundle, workflowsPath } from './bundle';

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
        // Run ids in activity logs always; spans per activity and workflow while tracing is on.
        ...workerTelemetry(),
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
