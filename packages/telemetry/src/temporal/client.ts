// Temporal client interceptors for processes that start runs (the designer): while tracing is on, starting
// a workflow opens a span whose context travels in the workflow's headers, so the run joins the caller's trace.
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { tracingEnabled } from '../tracing';

export function clientWorkflowInterceptors(): WorkflowClientInterceptor[] {
  return tracingEnabled() ? [new OpenTelemetryWorkflowClientInterceptor()] : [];
}
