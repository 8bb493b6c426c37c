// The trigger step of a stored flow graph (versions are validated when saved, so a graph that does not parse
// is one from an older schema: it has no trigger the engine can act on).
import { FlowGraphSchema, type TriggerConfig } from '@conduit/flow';

export function triggerNode(graph: unknown): { label: string; config: TriggerConfig } | undefined {
  const parsed = FlowGraphSchema.safeParse(graph);
  const node = parsed.success ? parsed.data.nodes.find((n) => n.kind === 'trigger') : undefined;
  return node?.kind === 'trigger' ? node : undefined;
}
