// Input pieces and helpers shared by the Streak actions.
import { z } from 'zod';
import type { FieldHint } from '@conduit/connector-kit';
import { fieldValueSchema } from '../model/fields';
import type { Pipeline } from '../model/pipeline';

export const boxKeyInput = z.string().min(1).meta({ title: 'Box key' });
export const pipelineKeyInput = z.string().min(1).meta({ title: 'Pipeline' });
export const fieldsInput = z.record(z.string(), fieldValueSchema).meta({
  title: 'Fields',
  description: 'By field key or name. Dropdown and tag values may be option labels or keys; dates are epoch ms or ISO-8601.',
});
export const emailsInput = z.array(z.email()).meta({ title: 'Assignees', description: 'E-mail addresses; replaces the current list' });

/** Epoch milliseconds, or an ISO-8601 string turned into epoch milliseconds. */
export const dateInput = z
  .union([z.number().int(), z.string().min(1)])
  .transform((v, ctx) => {
    const ms = typeof v === 'number' ? v : Date.parse(v);
    if (Number.isNaN(ms)) ctx.addIssue({ code: 'custom', message: `not a date: ${String(v)}` });
    return ms;
  })
  .meta({ description: 'epoch milliseconds or ISO-8601' });

export const hints = {
  pipeline: { label: 'Pipeline', picker: { source: 'pipelines' } },
  stage: { label: 'Stage', help: 'Stage name or key', picker: { source: 'stages', dependsOn: ['pipelineKey'] } },
  fields: { label: 'Fields', widget: 'field-map', picker: { source: 'fields', dependsOn: ['pipelineKey'] } },
  field: { label: 'Field', picker: { source: 'fields', dependsOn: ['pipelineKey'] } },
  team: { label: 'Team', help: 'Defaults to the API key’s first team', picker: { source: 'teams' }, advanced: true },
  notes: { label: 'Notes', widget: 'textarea' },
} satisfies Record<string, FieldHint>;

export interface BoxChanges {
  name?: string;
  stage?: string;
  notes?: string;
  assignees?: string[];
  fields?: Record<string, z.output<typeof fieldValueSchema>>;
}

/**
 * The Streak box body for a set of changes, validated against the pipeline first so a bad stage,
 * field or value fails before anything is written.
 */
export function boxBody(pipeline: Pipeline, c: BoxChanges): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (c.name !== undefined) body.name = c.name;
  if (c.notes !== undefined) body.notes = c.notes;
  if (c.stage !== undefined) body.stageKey = pipeline.stage(c.stage).key;
  // Streak wants [{email}] here; its responses return full sharing entries.
  if (c.assignees !== undefined) body.assignedToSharingEntries = c.assignees.map((email) => ({ email }));
  if (c.fields !== undefined && Object.keys(c.fields).length > 0) body.fields = pipeline.fields.encodeAll(c.fields);
  return body;
}
