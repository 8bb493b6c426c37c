// Reading and writing the `inputs`/`mapping` spec of a step from the inspector: constants typed in the
// generated form are fields with only a default; everything else is edited in the mapping editor.
import type { MappingField, MappingSpec } from '@conduit/mapping';

export function specOf(kind: string, config: Record<string, unknown>): MappingSpec {
  const raw = kind === 'map' ? config.mapping : config.inputs;
  const fields = raw && typeof raw === 'object' && Array.isArray((raw as { fields?: unknown }).fields) ? ((raw as MappingSpec).fields) : [];
  return { fields };
}

export function withSpec(kind: string, config: Record<string, unknown>, spec: MappingSpec): Record<string, unknown> {
  return kind === 'map' ? { ...config, mapping: spec } : { ...config, inputs: spec };
}

export const isConstant = (f: MappingField): boolean => f.source === undefined && f.expression === undefined && f.default !== undefined;

export function constantsOf(spec: MappingSpec): Record<string, unknown> {
  return Object.fromEntries(spec.fields.filter(isConstant).map((f) => [f.target, f.default]));
}

export function setConstant(spec: MappingSpec, target: string, value: unknown): MappingSpec {
  const rest = spec.fields.filter((f) => f.target !== target);
  return { fields: value === undefined ? rest : [...rest, { target, default: value }] };
}
