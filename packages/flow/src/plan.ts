// The executable plan: what the engine interprets. Plain JSON (stored in the flow version); mappings
// and expressions stay as source text and are compiled once per version by preparePlan.
import { type MappingSpec } from '@conduit/mapping/runtime';
import { type Retry, type TriggerConfig } from './schema';

export interface ResolvedAction {
  /** 'streak@1' */
  ref: string;
  connector: string;
  version: string;
  key: string;
  kind: 'read' | 'write';
}

/** An edge into a step: the step runs when at least one of these was taken (branches join). */
export interface Incoming {
  from: string;
  port: string;
}

interface StepBase {
  id: string;
  label: string;
  after: Incoming[];
}

export type PlanStep =
  | (StepBase & { kind: 'map'; mapping: MappingSpec })
  | (StepBase & { kind: 'lookup' | 'write'; action: ResolvedAction; connectionRef?: string; inputs: MappingSpec; retry?: Retry; timeoutMs?: number })
  | (StepBase & { kind: 'condition'; expression: string })
  | (StepBase & { kind: 'switch'; cases: Array<{ port: string; when: string }> })
  | (StepBase & { kind: 'approval'; message: string; approvers: string[]; timeoutMs: number; onTimeout: 'reject' | 'approve'; escalateAfterMs?: number; escalateTo?: string[] })
  | (StepBase & { kind: 'forEach'; items: string; maxItems?: number; body: PlanStep[] })
  | (StepBase & { kind: 'delay'; durationMs?: number; until?: string })
  | (StepBase & { kind: 'notify'; channel: 'email' | 'designer'; to: string[]; subject?: string; message: string });

export interface Plan {
  schemaVersion: 1;
  trigger: { id: string; label: string; config: TriggerConfig };
  /** Top-level steps in topological order; for-each bodies are nested in their step. */
  steps: PlanStep[];
}
