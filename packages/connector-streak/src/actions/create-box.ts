import { z } from 'zod';
import { PermanentError } from '@conduit/connector-kit';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import type { WireBox } from '../api/wire';
import { valuesMatch } from '../model/fields';
import type { Pipeline } from '../model/pipeline';
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

function reference(pipeline: Pipeline, ref: { field: string; value?: string }, idempotencyKey: string | undefined): { key: string; value: string } {
  const f = pipeline.fields.resolve(ref.field);
  if (f.type !== 'TEXT_INPUT') {
    throw new PermanentError('validation', { connector: 'Streak', subject: { type: 'pipeline', key: pipeline.key, name: pipeline.name, field: f.name }, message: `Streak: reference field "${f.name}" (${f.key}) of pipeline "${pipeline.name}" must be a text field, not ${f.type}` });
  }
  return { key: f.key, value: ref.value ?? idempotencyKey ?? '' };
}

const RACE_WINDOW_MS = 60 * 60 * 1000;

/** The box every racer agrees on: the oldest, ties broken by key. */
const oldest = (boxes: WireBox[]) => [...boxes].sort((a, b) => (a.creationTimestamp ?? 0) - (b.creationTimestamp ?? 0) || a.key.localeCompare(b.key))[0];

export const createBox = defineAction({
  key: 'createBox',
  title: 'Create box',
  description: 'Creates a box in a pipeline. With an external reference field, a retry returns the box it already made.',
  input,
  output: boxSchema.extend({ created: z.boolean() }),
  idempotent: 'key',
  ui: { fields: { pipelineKey: hints.pipeline, stage: hints.stage, fields: hints.fields, notes: hints.notes, 'externalRef.field': hints.field } },
  run: async ({ http, input, signal, heartbeat, idempotencyKey, log }) => {
    const session = new StreakSession(http);
    const pipeline = await session.pipeline(input.pipelineKey);
    const ref = input.externalRef ? reference(pipeline, input.externalRef, idempotencyKey) : undefined;
    const withRef = (limit: number, createdSince?: number) => (ref ? findBoxesByField({ http, signal, heartbeat, pipeline, field: ref.key, value: ref.value, limit, createdSince }) : Promise.resolve([]));
    const [existing] = await withRef(1);
    if (existing) {
      log.info('box already exists for external reference', { boxKey: existing.key });
      return { ...(await session.present(existing)), created: false };
    }
    // Validate everything before the first write, so a bad field leaves nothing half-created.
    const body = boxBody(pipeline, { ...input, fields: { ...input.fields, ...(ref ? { [ref.key]: ref.value } : {}) } });
    const created = await streakApi.createBox(http, pipeline.key, body);
    // Whether v2 create honours `fields` is not documented: write any that did not stick.
    const missing = Object.entries((body.fields ?? {}) as Record<string, unknown>).filter(([k, v]) => !valuesMatch(created.fields?.[k], v));
    const box = missing.length ? await streakApi.updateBox(http, created.key, { fields: Object.fromEntries(missing) }) : created;
    // Two attempts can race (a timed-out activity still running beside its retry): both saw no box and
    // both created one. Each then keeps the oldest box carrying the reference and removes its own.
    // A racer's box was made after our look, so only the last hour's boxes need checking.
    const winner = oldest(await withRef(10, (box.creationTimestamp ?? Date.now()) - RACE_WINDOW_MS));
    if (winner && winner.key !== box.key) {
      log.warn('concurrent create for the same reference; keeping the older box', { kept: winner.key, removed: box.key });
      await streakApi.deleteBox(http, box.key);
      return { ...(await session.present(winner)), created: false };
    }
    return { ...(await session.present(box)), created: true };
  },
});
