// Bundled into the workflow code (workflowInterceptorModules): stamps every activity a run schedules with
// the run header. Deterministic: it only copies the workflow's own input into headers, which replay ignores.
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { WorkflowInterceptors } from '@temporalio/workflow';
import { RUN_HEADER, runHeaderOf } from './run-header';

export const interceptors = (): WorkflowInterceptors => {
  let header: Payload | undefined;
  const stamp = <T extends { headers: Record<string, Payload> }>(input: T): T => (header ? { ...input, headers: { ...input.headers, [RUN_HEADER]: header } } : input);
  return {
    inbound: [
      {
        execute(input, next) {
          const run = runHeaderOf(input.args[0]);
          if (run) header = defaultPayloadConverter.toPayload(run);
          return next(input);
        },
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => next(stamp(input)),
        scheduleLocalActivity: (input, next) => next(stamp(input)),
      },
    ],
  };
};
