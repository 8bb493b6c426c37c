// The production workflow bundle: built once per process, in a worker thread that then exits, because
// webpack holds on to ~130 MB after a build that a long-running worker would otherwise carry for life.
import { fileURLToPath } from 'node:url';
import { Worker as Thread } from 'node:worker_threads';
import { workflowInterceptorModules } from '@conduit/telemetry/temporal';

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
 * helper shared with activities that imports the full package cannot pull zod into every run.
 */
const entry = (spec: string) => fileURLToPath(import.meta.resolve(spec));
const RUNTIME_ALIASES = { '@conduit/flow$': entry('@conduit/flow/runtime'), '@conduit/mapping$': entry('@conduit/mapping/runtime') };

let bundle: Promise<{ code: string }> | undefined;

export function productionBundle(): Promise<{ code: string }> {
  bundle ??= new Promise((resolve, reject) => {
    const workerData = { workflowsPath, preloadModules: PRELOADED_MODULES, workflowInterceptorModules: workflowInterceptorModules(), alias: RUNTIME_ALIASES };
    const thread = new Thread(new URL('./bundle-thread.mjs', import.meta.url), { workerData, execArgv: [] });
    thread.once('message', (code: string) => resolve({ code }));
    thread.once('error', reject);
    thread.once('exit', (exitCode) => reject(new Error(`the workflow bundle build stopped (exit code ${exitCode})`)));
  });
  return bundle;
}
