// Output shapes of the Streak actions and triggers (JSON, stable for mappings) and the functions
// that build them from Streak's wire objects.
import { z } from 'zod';
import type { WireBox, WireComment, WireContact, WireMeeting, WireOrganization, WireSharingEntry, WireTask } from '../api/wire';
import { fieldValueSchema, rawFieldValues } from './fields';
import type { Pipeline } from './pipeline';

const person = z.object({ email: z.string().nullable(), userKey: z.string().nullable(), displayName: z.string().nullable() });
const ms = z.number().nullable().meta({ description: 'epoch milliseconds' });

export const boxSchema = z.object({
  key: z.string(),
  name: z.string(),
  pipelineKey: z.string(),
  stageKey: z.string().nullable(),
  stageName: z.string().nullable().meta({ description: 'null when the pipeline was not looked up (webhook payloads)' }),
  notes: z.string(),
  creationTimestamp: ms,
  lastUpdatedTimestamp: ms,
  lastStageChangeTimestamp: ms,
  assignees: z.array(person),
  contactKeys: z.array(z.string()),
  organizationKeys: z.array(z.string()),
  fields: z.record(z.string(), fieldValueSchema).meta({ description: 'Raw values by field key (dropdown/tag values are option keys)' }),
  fieldLabels: z.record(z.string(), fieldValueSchema).meta({ description: 'Values by field key with option keys shown as their labels' }),
  fieldsByName: z.record(z.string(), fieldValueSchema).meta({ description: 'Values by field name with option labels, for templates that name fields instead of keys; empty in webhook payloads' }),
});
export type Box = z.output<typeof boxSchema>;

export const contactSchema = z.object({
  key: z.string(),
  teamKey: z.string(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  title: z.string().nullable(),
  other: z.string().nullable(),
  emailAddresses: z.array(z.string()),
  phoneNumbers: z.array(z.string()),
  organizationKeys: z.array(z.string()),
  fields: z.record(z.string(), fieldValueSchema),
  lastSavedTimestamp: ms,
});

export const organizationSchema = z.object({
  key: z.string(),
  teamKey: z.string(),
  name: z.string().nullable(),
  domains: z.array(z.string()),
  industry: z.string().nullable(),
  phoneNumbers: z.array(z.string()),
  other: z.string().nullable(),
  fields: z.record(z.string(), fieldValueSchema),
  lastSavedTimestamp: ms,
});

export const taskSchema = z.object({
  key: z.string(), boxKey: z.string(), text: z.string(), status: z.string().nullable(), dueDate: ms, creationDate: ms, assignees: z.array(person),
});

export const commentSchema = z.object({ key: z.string(), boxKey: z.string(), message: z.string(), timestamp: ms, creatorKey: z.string().nullable() });

export const meetingSchema = z.object({
  key: z.string(), boxKey: z.string(), meetingType: z.string(), startTimestamp: z.number(), duration: ms, notes: z.string().nullable(),
});

const people = (entries: WireSharingEntry[] | undefined) =>
  (entries ?? []).map((e) => ({ email: e.email ?? null, userKey: e.userKey ?? null, displayName: e.displayName ?? e.fullName ?? null }));
const keys = (links: { key: string }[] | undefined) => (links ?? []).map((l) => l.key);

/** A box, with stage name and option labels when its pipeline is known. */
export function toBox(w: WireBox, pipeline?: Pipeline): Box {
  const fields = rawFieldValues(w.fields);
  return {
    key: w.key ?? w.boxKey,
    name: w.name,
    pipelineKey: w.pipelineKey,
    stageKey: w.stageKey ?? null,
    stageName: pipeline?.stageName(w.stageKey) ?? null,
    notes: w.notes ?? '',
    creationTimestamp: w.creationTimestamp ?? null,
    lastUpdatedTimestamp: w.lastUpdatedTimestamp ?? null,
    lastStageChangeTimestamp: w.lastStageChangeTimestamp ?? null,
    assignees: people(w.assignedToSharingEntries),
    contactKeys: keys(w.contacts),
    organizationKeys: keys(w.organizations),
    fields,
    fieldLabels: pipeline ? pipeline.fields.labels(w.fields) : fields,
    fieldsByName: pipeline ? pipeline.fields.byName(w.fields) : {},
  };
}

export const toContact = (w: WireContact): z.input<typeof contactSchema> => ({
  key: w.key, teamKey: w.teamKey, givenName: w.givenName ?? null, familyName: w.familyName ?? null, title: w.title ?? null, other: w.other ?? null,
  emailAddresses: w.emailAddresses ?? [], phoneNumbers: w.phoneNumbers ?? [], organizationKeys: keys(w.orgLinks), fields: rawFieldValues(w.fields),
  lastSavedTimestamp: w.lastSavedTimestamp ?? null,
});

export const toOrganization = (w: WireOrganization): z.input<typeof organizationSchema> => ({
  key: w.key, teamKey: w.teamKey, name: w.name ?? null, domains: w.domains ?? [], industry: w.industry ?? null, phoneNumbers: w.phoneNumbers ?? [],
  other: w.other ?? null, fields: rawFieldValues(w.fields), lastSavedTimestamp: w.lastSavedTimestamp ?? null,
});

export const toTask = (w: WireTask): z.input<typeof taskSchema> => ({
  key: w.key, boxKey: w.boxKey, text: w.text, status: w.status ?? null,
  dueDate: w.dueDate !== undefined && w.dueDate !== null && w.dueDate >= 0 ? w.dueDate : null, creationDate: w.creationDate ?? null,
  assignees: people(w.assignedTo?.length ? w.assignedTo : w.assignedToSharingEntries),
});

export const toComment = (w: WireComment): z.input<typeof commentSchema> => ({
  key: w.key ?? w.commentKey, boxKey: w.boxKey, message: w.message, timestamp: w.timestamp ?? null, creatorKey: w.creatorKey ?? null,
});

export const toMeeting = (w: WireMeeting): z.input<typeof meetingSchema> => ({
  key: w.key, boxKey: w.boxKey, meetingType: w.meetingType, startTimestamp: w.startTimestamp, duration: w.duration ?? null, notes: w.notes ?? null,
});
