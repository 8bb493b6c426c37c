// Connector catalogs describe inputs and outputs as JSON Schema (zod's toJSONSchema output);
// the editor's type checks need them as Types.
import { T, type Type, union } from './types';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  [k: string]: unknown;
}

const MAX_DEPTH = 32;

export function fromJsonSchema(schema: JsonSchema | boolean | undefined, depth = 0): Type {
  if (schema === undefined || typeof schema === 'boolean' || depth > MAX_DEPTH) return T.any;
  const base = convert(schema, depth);
  return schema.nullable ? T.optional(base) : base;
}

function convert(s: JsonSchema, depth: number): Type {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return union(alternatives.map((a) => fromJsonSchema(a, depth + 1)));
  if (s.const !== undefined) return ofValue(s.const);
  if (s.enum) return union(s.enum.map(ofValue));
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : [];
  if (types.length === 0) return T.any;
  return union(types.map((t) => ofKind(t, s, depth)));
}

function ofKind(kind: string, s: JsonSchema, depth: number): Type {
  switch (kind) {
    case 'string':
      return T.string;
    case 'number':
    case 'integer':
      return T.number;
    case 'boolean':
      return T.boolean;
    case 'null':
      return T.null;
    case 'array':
      return T.array(fromJsonSchema(s.items, depth + 1));
    case 'object': {
      const props: Record<string, Type> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        const t = fromJsonSchema(v, depth + 1);
        // A property that may be absent reads as null.
        props[k] = s.required?.includes(k) ? t : T.optional(t);
      }
      return T.object(props, s.additionalProperties !== false);
    }
    default:
      return T.any;
  }
}

export function ofValue(v: unknown): Type {
  if (v === null) return T.null;
  if (typeof v === 'string') return T.string;
  if (typeof v === 'number') return T.number;
  if (typeof v === 'boolean') return T.boolean;
  if (Array.isArray(v)) return T.array(v.length ? union(v.map(ofValue)) : T.any);
  if (typeof v === 'object') return T.object(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ofValue(x)])), false);
  return T.any;
}
