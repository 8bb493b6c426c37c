// "New flow" starting points: the lead-to-cash templates as editor drafts.
import { TEMPLATES as FLOW_TEMPLATES } from '@conduit/templates';
import type { Draft } from '../../../components/flow-editor/model/draft';

export interface FlowTemplate {
  key: string;
  name: string;
  description: string;
  draft: Draft;
}

export const TEMPLATES: readonly FlowTemplate[] = FLOW_TEMPLATES.map((t) => ({
  key: t.key,
  name: t.name,
  description: t.description,
  draft: { ...t.graph, ...(t.samples ? { samples: t.samples } : {}) } as Draft,
}));
