// How a worker process is assembled: one Temporal Worker per environment task queue, sharing one
// workflow bundle (built once) and one set of activities (one connection pool per stored connection).
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type BundleOptions, type NativeConnection, Worker } from '@temporalio/worker';
import { workerTelemetry, workflowInterceptorModules } from '@conduit/telemetry/temporal';
import { createActivities, type ActivityDeps } from './activities';

type WebpackConfig = Parameters<NonNullable<BundleOptions['webpackConfigHook']>>[0];

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));


/**
 * Modules evaluated once per workflow thread and shared by every run on it (the SDK's reusable V8 context
 * otherwise evaluates the bundle's module graph again for each run). They hold no per-run state: the
 * mapping language is pure, and its caches (compiled plans by immutable version id, time-zone offsets)
 * are memos whose answers do not depend on which run asked first. The SDK deep-freezes their exports.
 */
export const PRELOADED_MODULES = ['@conduit/flow/runtime', '@conduit/mapping/runtime'];

/**
 * Inside the workflow bundle, `@conduit/flow` and `@conduit/mapping` are their zod-free runtime entries, so a
 * helper shared with activities that imports the full package cannot pull zod into every run. Anything
 * workflow code imports that the runtime entries lack fails the bundle build instead of being undefined.
 */
function runtimeEntries(config: WebpackConfig): WebpackConfig {
  const entry = (spec: string) => fileURLToPath(import.meta.resolve(spec));
  const alias = { '@conduit/flow$': entry('@conduit/flow/runtime'), '@conduit/mapping$': entry('@conduit/mapping/runtime') };
  const javascript = { ...config.module?.parser?.javascript, exportsPresence: 'error' as const };
  return { ...config, resolve: { ...config.resolve, alias: { ...config.resolve?.alias, ...alias } }, module: { ...config.module, parser: { ...config.module?.parser, javascript } } };
}

let bundle: ReturnType<typeof bundleWorkflowCode> | undefined;

/** The workflow bundle, built once per process. */
export function productionBundle(): ReturnType<typeof bundleWorkflowCode> {
  bundle ??= bundleWorkflowCode({ workflowInterceptorModules: workflowInterceptorModules(), workflowsPath, preloadModules: PRELOADED_MODULES, webpackConfigHook: runtimeEntries });
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
