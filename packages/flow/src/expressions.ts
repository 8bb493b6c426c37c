// Where expressions live in a node's config. Shared by validation and by preparePlan (workflow code),
// so it depends on types only.
import { type NodeKind } from './schema';

/** Expressions of a node's config (or of a plan step, which carries the same fields), with the field each lives in. */
export function expressionsOf(kind: NodeKind, config: object): Array<{ field: string; source: string }> {
  const c = config as Record<string, unknown>;
  const at = (field: string, source: unknown) => (typeof source === 'string' ? [{ field: `config.${field}`, source }] : []);
  switch (kind) {
    case 'switch':
      return (c.cases as Array<{ when: string }>).flatMap((k, i) => at(`cases.${i}.when`, k.when));
    case 'trigger':
      return at('filter', c.filter);
    case 'condition':
      return at('expression', c.expression);
    case 'approval':
      return at('message', c.message);
    case 'forEach':
      return at('items', c.items);
    case 'delay':
      return at('until', c.until);
    case 'notify':
      return [...at('subject', c.subject), ...at('message', c.message)];
    default:
      return [];
  }
}
