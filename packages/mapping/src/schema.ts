// The declarative mapping spec as stored in flow versions (JSON); flow embeds this schema.
import { z } from 'zod';

export const TransformSchema = z.object({ fn: z.string().min(1), args: z.array(z.unknown()).optional() });

export const MappingFieldSchema = z.object({
  /** Dotted path in the output; one `[]` may address list elements: `Lines[].ItemCode`. */
  target: z.string().min(1),
  /** Path into the scope, e.g. `trigger.box.fields.1001` or `trigger.lines[].sku` (one value per element). */
  source: z.string().optional(),
  /** Named library functions applied in order to the source value (it is the first argument). */
  transforms: z.array(TransformSchema).optional(),
  /** Expression for everything else; sees the transformed source as `$value`. */
  expression: z.string().optional(),
  /** Used when the value is null. */
  default: z.unknown().optional(),
  /** Condition expression; the field is skipped when it is falsy. */
  when: z.string().optional(),
  /** A null value (after default) is an error instead of leaving the field out. */
  required: z.boolean().optional(),
});

export const MappingSpecSchema = z.object({ fields: z.array(MappingFieldSchema) });

export type Transform = z.infer<typeof TransformSchema>;
export type MappingField = z.infer<typeof MappingFieldSchema>;
export type MappingSpec = z.infer<typeof MappingSpecSchema>;
