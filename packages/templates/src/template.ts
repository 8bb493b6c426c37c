// A template is a starting flow graph. Connections are referenced by name (connectionRef) so the same
// template works in every environment that has connections of those names.
import type { FlowGraph } from '@conduit/flow';

export interface FlowTemplate {
  key: string;
  name: string;
  description: string;
  graph: FlowGraph;
  /** Sample trigger payloads pinned on nodes for the designer's preview, keyed by node id. */
  samples?: Record<string, unknown>;
}
