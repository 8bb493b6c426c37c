// The data every expression of a run can read. Keep in step with @conduit/flow's scope types:
// `trigger`, `steps.<nodeId>`, and `env` (the environment's variables, e.g. approvalThreshold).
export type EnvironmentVariables = Record<string, string | number | boolean>;

export interface RunScope {
  trigger: unknown;
  steps: Record<string, unknown>;
  env: EnvironmentVariables;
}
