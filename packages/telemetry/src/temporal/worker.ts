// What the worker adds to Temporal for observability: the workflow interceptor modules to bundle, and
// activity interceptors (an OpenTelemetry span per activity while tracing is on; the run's log context
// always). Workflow spans leave the sandbox through the `exporter` sink into the process's span processor.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defaultPayloadConverter } from '@temporalio/common';
import { makeWorkflowExporter, OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory, WorkerInterceptors, WorkerOptions } from '@temporalio/worker';
import { withLogContext } from '../log';
import { currentTracing } from '../tracing';
import { RUN_HEADER, type RunHeader } from './run-header';

const require = createRequire(import.meta.url);

/** Modules for bundleWorkflowCode's workflowInterceptorModules; decide after initTracing. */
export function workflowInterceptorModules(): string[] {
  const own = fileURLToPath(new URL('./workflow-interceptors.ts', import.meta.url));
  return currentTracing() ? [own, require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')] : [own];
}

const runContext: ActivityInterceptorsFactory = (ctx) => ({
  inbound: {
    execute(input, next) {
      const payload = input.headers[RUN_HEADER];
      const run = payload ? defaultPayloadConverter.fromPayload<RunHeader>(payload) : {};
      return withLogContext({ ...run, ...(ctx.info.workflowExecution ? { workflowId: ctx.info.workflowExecution.workflowId } : {}) }, () => next(input));
    },
  },
});

/** Worker.create options (interceptors, sinks) matching the bundle from workflowInterceptorModules(). */
export function workerTelemetry(): { interceptors: WorkerInterceptors; sinks: NonNullable<WorkerOptions['sinks']> } {
  const tracing = currentTracing();
  if (!tracing) return { interceptors: { activity: [runContext] }, sinks: {} };
  const spans: ActivityInterceptorsFactory = (ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) });
  return {
    interceptors: { activity: [spans, runContext] },
    sinks: { exporter: makeWorkflowExporter(tracing.processor, tracing.resource) },
  };
}
