// Target fields of a mapping from an action's input JSON Schema: top-level inputs, `List[].child` for
// lists of records, `record.child` one level down, and the connection's custom fields for a `fields` map.
import type { DiscoveredField } from '@conduit/connector-kit';
import { schemaKind } from './sources';
import type { TargetField } from './suggest-types';

type Schema = { type?: unknown; properties?: Record<string, Schema>; items?: Schema; required?: string[]; title?: string; description?: string; additionalProperties?: unknown; anyOf?: Schema[] };

export interface TargetNode extends TargetField {
  depth: number;
}

export function buildTargets(schema: Record<string, unknown>, discovered: DiscoveredField[]): TargetNode[] {
  const root = schema as Schema;
  const required = new Set(root.required ?? []);
  const out: TargetNode[] = [];
  for (const [key, s] of Object.entries(root.properties ?? {})) {
    const type = schemaKind(s);
    const base = { label: s.title ?? key, required: required.has(key), ...(s.description ? { description: s.description } : {}) };
    out.push({ path: key, type, depth: 0, ...base });
    if (type === 'list' && s.items?.properties) {
      const req = new Set(s.items.required ?? []);
      for (const [k, c] of Object.entries(s.items.properties)) out.push({ path: `${key}[].${k}`, label: c.title ?? k, type: schemaKind(c), required: base.required && req.has(k), depth: 1, ...(c.description ? { description: c.description } : {}) });
    } else if (type === 'object' && s.properties) {
      const req = new Set(s.required ?? []);
      for (const [k, c] of Object.entries(s.properties)) out.push({ path: `${key}.${k}`, label: c.title ?? k, type: schemaKind(c), required: base.required && req.has(k), depth: 1 });
    } else if (type === 'object') {
      // An open record such as Streak's `fields`: offer the connection's writable custom fields.
      const seen = new Set<string>();
      for (const f of discovered.filter((d) => d.path.startsWith(`${key}.`) && !d.readOnly)) {
        if (seen.has(f.path)) continue;
        seen.add(f.path);
        out.push({ path: f.path, label: f.label, type: f.type === 'boolean' ? 'boolean' : f.type === 'number' ? 'number' : 'string', required: false, depth: 1 });
      }
    }
  }
  return out;
}
