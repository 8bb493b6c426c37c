import { z } from 'zod';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import { StreakSession } from '../model/session';
import { boxSchema } from '../model/records';
import { boxBody, boxKeyInput, emailsInput, fieldsInput, hints } from './common';

export const updateBox = defineAction({
  key: 'updateBox',
  title: 'Update box',
  description: 'Changes a box: name, stage, notes, assignees and any fields. Omitted properties stay as they are.',
  input: z.object({
    boxKey: boxKeyInput,
    name: z.string().min(1).optional(),
    stage: z.string().optional().meta({ title: 'Stage', description: 'Stage name or key; moves the box' }),
    notes: z.string().optional().meta({ title: 'Notes', description: 'Replaces the notes' }),
    appendNotes: z.string().optional().meta({ title: 'Append to notes' }),
    assignees: emailsInput.optional(),
    fields: fieldsInput.optional(),
  }),
  output: boxSchema,
  idempotent: true,
  ui: { fields: { stage: { ...hints.stage, picker: { source: 'stages', dependsOn: ['boxKey'] } }, fields: { ...hints.fields, picker: { source: 'fields', dependsOn: ['boxKey'] } }, notes: hints.notes, appendNotes: hints.notes } },
  run: async ({ http, input }) => {
    const session = new StreakSession(http);
    const current = await streakApi.box(http, input.boxKey);
    const pipeline = await session.pipeline(current.pipelineKey);
    // Appending re-reads the notes, so a retry after a lost reply could append twice; hence the check.
    const notes = input.appendNotes === undefined || (current.notes ?? '').endsWith(input.appendNotes)
      ? input.notes
      : [input.notes ?? current.notes ?? '', input.appendNotes].filter(Boolean).join('\n');
    const body = boxBody(pipeline, { ...input, notes });
    if (Object.keys(body).length === 0) return session.present(current);
    return session.present(await streakApi.updateBox(http, current.key, body));
  },
});
