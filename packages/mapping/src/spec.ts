// The declarative mapping spec as stored in flow versions (JSON). Plain types, so the runtime (workflow
// code) needs no schema library; schema.ts validates untrusted specs against the same shape.

export interface Transform {
  fn: string;
  args?: unknown[] | undefined;
}

export interface MappingField {
  /** Dotted path in the output; one `[]` may address list elements: `Lines[].ItemCode`. */
  target: string;
  /** Path into the scope, e.g. `trigger.box.fields.1001` or `trigger.lines[].sku` (one value per element). */
  source?: string | undefined;
  /** Named library functions applied in order to the source value (it is the first argument). */
  transforms?: Transform[] | undefined;
  /** Expression for everything else; sees the transformed source as `$value`. */
  expression?: string | undefined;
  /** Used when the value is null. */
  default?: unknown;
  /** Condition expression; the field is skipped when it is falsy. */
  when?: string | undefined;
  /** A null value (after default) is an error instead of leaving the field out. */
  required?: boolean | undefined;
}

export interface MappingSpec {
  fields: MappingField[];
}
