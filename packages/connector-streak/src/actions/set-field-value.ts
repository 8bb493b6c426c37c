import { z } from 'zod';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import { asFieldValue, fieldValueSchema } from '../model/fields';
import { StreakSession } from '../model/session';
import { boxKeyInput } from './common';

export const setFieldValue = defineAction({
  key: 'setFieldValue',
  title: 'Set field value',
  description: 'Sets one custom field on a box. Dropdown/tag values may be labels; dates may be ISO-8601.',
  input: z.object({ boxKey: boxKeyInput, field: z.string().min(1).meta({ title: 'Field', description: 'Field key or name' }), value: fieldValueSchema }),
  output: z.object({ boxKey: z.string(), fieldKey: z.string(), fieldName: z.string(), value: fieldValueSchema, label: fieldValueSchema }),
  idempotent: true,
  ui: { fields: { field: { label: 'Field', picker: { source: 'fields', dependsOn: ['boxKey'] } } } },
  run: async ({ http, input }) => {
    const session = new StreakSession(http);
    const box = await streakApi.box(http, input.boxKey);
    const pipeline = await session.pipeline(box.pipelineKey);
    const field = pipeline.fields.resolve(input.field);
    const encoded = pipeline.fields.encode(field.key, input.value);
    const saved = await streakApi.setBoxField(http, box.key, encoded.key, encoded.value);
    const value = pipeline.fields.labels({ [encoded.key]: saved.value });
    return { boxKey: box.key, fieldKey: field.key, fieldName: field.name, value: asFieldValue(saved.value), label: value[encoded.key] ?? null };
  },
});
