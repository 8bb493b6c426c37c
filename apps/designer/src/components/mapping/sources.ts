// The source tree of the mapping editor: the trigger payload (with the connection's real custom fields
// in place of the generic `fields` record) and each earlier step's output, with sample values.
import type { DiscoveredField } from '@conduit/connector-kit';
import type { SourceField } from './suggest-types';

export interface SourceNode extends SourceField {
  depth: number;
  group: string;
}

type Schema = { type?: unknown; properties?: Record<string, Schema>; items?: Schema; title?: string; anyOf?: Schema[]; enum?: unknown[] };

const MAX_DEPTH = 4;

export function schemaKind(s: Schema | undefined): string {
  if (!s) return 'any';
  if (s.enum) return 'string';
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t === 'array') return 'list';
  if (t === 'integer') return 'number';
  if (typeof t === 'string') return t;
  if (s.properties) return 'object';
  return s.anyOf?.map(schemaKind).find((k) => k !== 'null') ?? 'any';
}

export function valueKind(v: unknown): string {
  if (Array.isArray(v)) return 'list';
  if (v === null || v === undefined) return 'any';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** The value at a source path in a sample scope; `[]` reads the first element. */
export function sampleAt(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const seg of path.split('.')) {
    const list = seg.endsWith('[]');
    const key = list ? seg.slice(0, -2) : seg;
    v = v && typeof v === 'object' && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
    if (list) v = Array.isArray(v) ? v[0] : undefined;
  }
  return v;
}

function walkSchema(o: { schema: Schema; path: string; label: string; depth: number; group: string; out: SourceNode[]; inList: boolean }) {
  const type = schemaKind(o.schema);
  o.out.push({ path: o.path, label: o.label, type, depth: o.depth, group: o.group });
  if (o.depth >= MAX_DEPTH) return;
  if (type === 'object') for (const [k, s] of Object.entries(o.schema.properties ?? {})) walkSchema({ ...o, schema: s, path: `${o.path}.${k}`, label: s.title ?? k, depth: o.depth + 1 });
  if (type === 'list' && !o.inList && o.schema.items?.properties) {
    for (const [k, s] of Object.entries(o.schema.items.properties)) walkSchema({ ...o, schema: s, path: `${o.path}[].${k}`, label: s.title ?? k, depth: o.depth + 1, inList: true });
  }
}

function walkValue(o: { value: unknown; path: string; label: string; depth: number; group: string; out: SourceNode[]; inList: boolean }) {
  const type = valueKind(o.value);
  o.out.push({ path: o.path, label: o.label, type, depth: o.depth, group: o.group });
  if (o.depth >= MAX_DEPTH) return;
  if (type === 'object') for (const [k, v] of Object.entries(o.value as object)) walkValue({ ...o, value: v, path: `${o.path}.${k}`, label: k, depth: o.depth + 1 });
  const first: unknown = Array.isArray(o.value) ? o.value[0] : undefined;
  if (type === 'list' && !o.inList && first && typeof first === 'object' && !Array.isArray(first)) {
    for (const [k, v] of Object.entries(first)) walkValue({ ...o, value: v, path: `${o.path}[].${k}`, label: k, depth: o.depth + 1, inList: true });
  }
}

export interface UpstreamStep {
  id: string;
  label: string;
  /** Output JSON Schema (connector actions). */
  outputSchema?: Record<string, unknown>;
  /** Targets of a map step, when there is no sample to show its real shape. */
  targets?: string[];
}

export function buildSources(o: { triggerLabel: string; triggerSchema?: Record<string, unknown>; discovered: DiscoveredField[]; upstream: UpstreamStep[]; scope: { trigger: unknown; steps: Record<string, unknown> } }): SourceNode[] {
  const out: SourceNode[] = [];
  const trigger: SourceNode[] = [];
  if (o.triggerSchema) walkSchema({ schema: o.triggerSchema as Schema, path: 'trigger', label: o.triggerLabel, depth: 0, group: o.triggerLabel, out: trigger, inList: false });
  else walkValue({ value: o.scope.trigger ?? {}, path: 'trigger', label: o.triggerLabel, depth: 0, group: o.triggerLabel, out: trigger, inList: false });
  for (const n of trigger) {
    out.push(n);
    // The generic `fields` record becomes one entry per custom field of the connection.
    if (n.path === 'trigger.fields' && o.discovered.length) {
      for (const f of o.discovered.filter((d) => d.path.startsWith('fields.'))) {
        const labelled = f.type === 'enum' || f.type === 'multi_enum';
        out.push({ path: `trigger.${labelled ? f.path.replace(/^fields\./, 'fieldLabels.') : f.path}`, label: f.label, type: f.type === 'date' ? 'date' : f.type === 'boolean' ? 'boolean' : f.type === 'number' ? 'number' : 'string', depth: n.depth + 1, group: n.group });
      }
    }
  }
  for (const s of o.upstream) {
    const base = `steps.${s.id}`;
    const value = o.scope.steps[s.id];
    if (value !== undefined) walkValue({ value, path: base, label: s.label, depth: 0, group: s.label, out, inList: false });
    else if (s.outputSchema) walkSchema({ schema: s.outputSchema as Schema, path: base, label: s.label, depth: 0, group: s.label, out, inList: false });
    else {
      out.push({ path: base, label: s.label, type: 'object', depth: 0, group: s.label });
      for (const t of s.targets ?? []) out.push({ path: `${base}.${t}`, label: t, type: 'any', depth: 1, group: s.label });
    }
  }
  return out.map((n) => ({ ...n, sample: sampleAt(o.scope, n.path) }));
}
