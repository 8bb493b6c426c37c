// zod schemas of the mapping spec, for untrusted input (the editor, saved flow graphs); flow embeds them.
// Typed against spec.ts, so the schema and the runtime's plain types cannot drift apart.
import { z } from 'zod';
import { type MappingField, type MappingSpec, type Transform } from './spec';

export const TransformSchema: z.ZodType<Transform> = z.object({ fn: z.string().min(1), args: z.array(z.unknown()).optional() });

export const MappingFieldSchema: z.ZodType<MappingField> = z.object({
  target: z.string().min(1),
  source: z.string().optional(),
  transforms: z.array(TransformSchema).optional(),
  expression: z.string().optional(),
  default: z.unknown().optional(),
  when: z.string().optional(),
  required: z.boolean().optional(),
});

export const MappingSpecSchema: z.ZodType<MappingSpec> = z.object({ fields: z.array(MappingFieldSchema) });
