import { z } from 'zod';
import { PermanentError } from '@conduit/connector-kit';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import { valuesMatch } from '../model/fields';
import { StreakSession } from '../model/session';
import { boxSchema } from '../model/records';
import { boxBody, emailsInput, fieldsInput, hints, pipelineKeyInput } from './common';
import { findBoxesByField } from './scan';

const input = z.object({
  pipelineKey: pipelineKeyInput,
  name: z.string().min(1).meta({ title: 'Name' }),
  stage: z.string().optional().meta({ title: 'Stage', description: 'Defaults to the first stage' }),
  notes: z.string().optional(),
  assignees: emailsInput.optional(),
  fields: fieldsInput.optional(),
  externalRef: z
    .object({
      field: z.string().min(1).meta({ title: 'Reference field', description: 'A text field that holds the external reference' }),
      value: z.string().min(1).optional().meta({ title: 'Reference value', description: 'Defaults to the step’s idempotency key' }),
    })
    .optional()
    .meta({ title: 'External reference', description: 'Makes the create safe to retry: an existing box with this value is returned instead' }),
});

export const createBox = defineAction({
  key: 'createBox',
  title: 'Create box',
  description: 'Creates a box in a pipeline. With an external reference field, a retry returns the box it already made.',
  input,
  output: boxSchema.extend({ created: z.boolean() }),
  idempotent: 'key',
  ui: { fields: { pipelineKey: hints.pipeline, stage: hints.stage, fields: hints.fields, notes: hints.notes, 'externalRef.field': hints.field } },
  run: async ({ http, input, signal, idempotencyKey, log }) => {
    const session = new StreakSession(http);
    const pipeline = await session.pipeline(input.pipelineKey);
    const fields = { ...input.fields };
    if (input.externalRef) {
      const refField = pipeline.fields.resolve(input.externalRef.field);
      if (refField.type !== 'TEXT_INPUT') {
        throw new PermanentError('validation', { connector: 'Streak', subject: { type: 'pipeline', key: pipeline.key, name: pipeline.name, field: refField.name }, message: `Streak: reference field "${refField.name}" (${refField.key}) of pipeline "${pipeline.name}" must be a text field, not ${refField.type}` });
      }
      const value = input.externalRef.value ?? idempotencyKey ?? '';
      const [existing] = await findBoxesByField({ http, signal, pipeline, field: refField.key, value, limit: 1 });
      if (existing) {
        log.info('box already exists for external reference', { boxKey: existing.key, field: refField.key });
        return { ...(await session.present(existing)), created: false };
      }
      fields[refField.key] = value;
    }
    // Validate everything before the first write, so a bad field leaves nothing half-created.
    const body = boxBody(pipeline, { ...input, fields });
    const created = await streakApi.createBox(http, pipeline.key, body);
    // Whether v2 create honours `fields` is not documented: write any that did not stick.
    const wanted = (body.fields ?? {}) as Record<string, unknown>;
    const missing = Object.entries(wanted).filter(([k, v]) => !valuesMatch(created.fields?.[k], v));
    const box = missing.length ? await streakApi.updateBox(http, created.key, { fields: Object.fromEntries(missing) }) : created;
    return { ...(await session.present(box)), created: true };
  },
});
