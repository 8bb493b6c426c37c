// The Streak triggers: one webhook trigger per object type (Streak's event table), box events also pollable.
import type { WireBox, WireComment, WireContact, WireMeeting, WireOrganization, WireTask } from '../api/wire';
import { boxSchema, commentSchema, contactSchema, meetingSchema, organizationSchema, taskSchema, toBox, toComment, toContact, toMeeting, toOrganization, toTask } from '../model/records';
import { boxPoll, boxVersion } from './box-poll';
import { partyPoll } from './party-poll';
import { streakWebhookTrigger } from './webhook';

const saved = (w: { lastSavedTimestamp?: number }) => String(w.lastSavedTimestamp ?? '');

export const boxEvent = streakWebhookTrigger({
  key: 'boxEvent',
  title: 'Box event',
  description: 'A box in a pipeline was created, edited, moved to another stage or pipeline, deleted, or got a new e-mail address. Payloads carry raw field values (no stage name or labels).',
  scope: 'pipeline',
  events: ['BOX_CREATE', 'BOX_EDIT', 'BOX_CHANGE_STAGE', 'BOX_CHANGE_PIPELINE', 'BOX_DELETE', 'BOX_NEW_EMAIL_ADDRESS'],
  output: boxSchema,
  toPayload: (w: WireBox) => toBox(w),
  version: boxVersion,
  poll: boxPoll,
});

export const commentEvent = streakWebhookTrigger({
  key: 'commentEvent', title: 'Comment added', description: 'A comment was added to a box in the pipeline.',
  scope: 'pipeline', events: ['COMMENT_CREATE'], output: commentSchema, toPayload: (w: WireComment) => toComment(w), version: () => '',
});

export const taskEvent = streakWebhookTrigger({
  key: 'taskEvent', title: 'Task event', description: 'A task on a box in the pipeline was created, completed or became due.',
  scope: 'pipeline', events: ['TASK_CREATE', 'TASK_COMPLETE', 'TASK_DUE'], output: taskSchema, toPayload: (w: WireTask) => toTask(w), version: (e, w) => (e === 'TASK_DUE' ? String(w.dueDate ?? '') : ''),
});

export const meetingEvent = streakWebhookTrigger({
  key: 'meetingEvent', title: 'Call/meeting logged', description: 'A call log or meeting note on a box in the pipeline was created or updated.',
  scope: 'pipeline', events: ['MEETING_CREATE', 'MEETING_UPDATE'], output: meetingSchema, toPayload: (w: WireMeeting) => toMeeting(w), version: (_e, w) => saved(w),
});

export const contactEvent = streakWebhookTrigger({
  key: 'contactEvent', title: 'Contact event', description: 'A team contact was created, updated or deleted.',
  scope: 'team', events: ['CONTACT_CREATE', 'CONTACT_UPDATE', 'CONTACT_DELETE'], output: contactSchema, toPayload: (w: WireContact) => toContact(w), version: (e, w) => (e === 'CONTACT_UPDATE' ? saved(w) : ''),
  poll: partyPoll({ kind: 'contacts', create: 'CONTACT_CREATE', update: 'CONTACT_UPDATE', toPayload: (w: WireContact) => toContact(w) }),
});

export const organizationEvent = streakWebhookTrigger({
  key: 'organizationEvent', title: 'Organization event', description: 'A team organization was created, updated or deleted.',
  scope: 'team', events: ['ORG_CREATE', 'ORG_UPDATE', 'ORG_DELETE'], output: organizationSchema, toPayload: (w: WireOrganization) => toOrganization(w), version: (e, w) => (e === 'ORG_UPDATE' ? saved(w) : ''),
  poll: partyPoll({ kind: 'organizations', create: 'ORG_CREATE', update: 'ORG_UPDATE', toPayload: (w: WireOrganization) => toOrganization(w) }),
});

export const streakTriggers = [boxEvent, commentEvent, taskEvent, meetingEvent, contactEvent, organizationEvent];
