// Bundled into the workflow code (workflowInterceptorModules): stamps every activity a run schedules with
// the run header. Deterministic: it only copies the workflow's own input into headers, which replay ignores.
// It imports nothing at runtime: this module is evaluated for every run, so a package import here (even
// @temporalio/common's payload converter) costs milliseconds of worker CPU per run.
import type { Payload } from '@temporalio/common';
import type { WorkflowInterceptors } from '@temporalio/workflow';
import { RUN_HEADER, runHeaderOf } from './run-header';

const encoder = new TextEncoder();

/** What defaultPayloadConverter makes of a plain object: `json/plain` with the JSON text as bytes. */
const jsonPayload = (value: unknown): Payload => ({ metadata: { encoding: encoder.encode('json/plain') }, data: encoder.encode(JSON.stringify(value)) });

export const interceptors = (): WorkflowInterceptors => {
  let header: Payload | undefined;
  const stamp = <T extends { headers: Record<string, Payload> }>(input: T): T => (header ? { ...input, headers: { ...input.headers, [RUN_HEADER]: header } } : input);
  return {
    inbound: [
      {
        execute(input, next) {
          const run = runHeaderOf(input.args[0]);
          if (run) header = jsonPayload(run);
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
