// The autosaved draft: the canvas as a flow graph whose node configs may still be incomplete, plus
// sample data pinned on nodes for the preview and test runs. Versions store only the strict graph.
import { z } from 'zod';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const DraftNodeSchema = z.object({
  id: Id,
  kind: z.string().min(1).max(40),
  label: z.string().max(200),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }),
  config: z.record(z.string(), z.unknown()),
});

export const DraftEdgeSchema = z.object({ id: Id, source: Id, sourcePort: z.string().max(40), target: Id, targetPort: z.string().max(40) });

export const DraftSchema = z.object({
  schemaVersion: z.literal(1),
  nodes: z.array(DraftNodeSchema).max(500),
  edges: z.array(DraftEdgeSchema).max(2000),
  /** Sample input pinned on a node (the trigger's sample event), keyed by node id. */
  samples: z.record(Id, z.unknown()).optional(),
});

export type Draft = z.infer<typeof DraftSchema>;
export type DraftNode = z.infer<typeof DraftNodeSchema>;
export type DraftEdge = z.infer<typeof DraftEdgeSchema>;

export const EMPTY_DRAFT: Draft = { schemaVersion: 1, nodes: [], edges: [] };

/** The graph part of a draft, as a version stores it (samples are editor state, not flow logic). */
export function graphOf(d: Draft): Omit<Draft, 'samples'> {
  return { schemaVersion: 1, nodes: d.nodes, edges: d.edges };
}
