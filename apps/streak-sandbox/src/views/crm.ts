// JSON shapes for contacts, organizations, tasks, comments, meetings and webhooks (§4.7–4.11, §4.14).
import type { Store } from '../store/store';
import type { CommentRec, ContactRec, MeetingRec, OrgRec, TaskRec, WebhookRec } from '../store/types';
import { userBrief } from './users';

const normalizeDomain = (d: string): string =>
  d
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');

export function contactView(c: ContactRec) {
  return {
    ...c,
    domains: [...c.domains],
    normalizedDomains: c.domains.map(normalizeDomain),
    versionTimestamp: c.lastSavedTimestamp,
    lastEnrichmentTimestamp: null,
  };
}

export function orgView(o: OrgRec) {
  return {
    ...o,
    normalizedDomains: o.domains.map(normalizeDomain),
    versionTimestamp: o.lastSavedTimestamp,
    lastEnrichmentTimestamp: null,
  };
}

const pipelineOf = (store: Store, boxKey: string): string => store.state.boxes[boxKey]?.pipelineKey ?? '';

export function taskView(store: Store, t: TaskRec) {
  const assignees = t.assignedToKeys.map((k) => userBrief(store, k));
  return {
    key: t.key,
    taskKey: t.key,
    boxKey: t.boxKey,
    pipelineKey: pipelineOf(store, t.boxKey),
    creatorKey: t.creatorKey,
    creator: userBrief(store, t.creatorKey),
    creatorSharingEntry: userBrief(store, t.creatorKey),
    assignedTo: assignees,
    assignedToSharingEntries: assignees,
    creationDate: t.creationDate,
    lastSavedTimestamp: t.lastSavedTimestamp,
    lastStatusChangeDate: t.lastStatusChangeDate,
    ...(t.dueDate === null ? {} : { dueDate: t.dueDate }),
    text: t.text,
    status: t.status,
    reminderStatus:
      t.status === 'DONE' ? 'NOT_REMINDED_BECAUSE_TASK_DONE' : t.dueDate === null ? 'NONE' : 'SCHEDULED',
    isDraft: t.isDraft,
    sortOrder: String(t.creationDate).padStart(30, '0'),
    ...(t.meetingKey ? { meetingKey: t.meetingKey } : {}),
  };
}

export function commentView(store: Store, c: CommentRec) {
  const emojis = [...new Set(c.reactions.map((r) => r.emoji))];
  return {
    key: c.key,
    commentKey: c.key,
    boxKey: c.boxKey,
    pipelineKey: pipelineOf(store, c.boxKey),
    creatorKey: c.creatorKey,
    timestamp: c.timestamp,
    lastSavedTimestamp: c.lastSavedTimestamp,
    message: c.message,
    mentions: c.mentions,
    ...(c.parent ? { parent: c.parent } : {}),
    children: Object.values(store.state.comments)
      .filter((x) => x.parent === c.key)
      .map((x) => x.key),
    reactionSummary: emojis.map((emoji) => {
      const users = c.reactions.filter((r) => r.emoji === emoji).map((r) => userBrief(store, r.userKey));
      return { emoji, count: users.length, users };
    }),
  };
}

export function meetingView(store: Store, m: MeetingRec) {
  return {
    key: m.key,
    meetingKey: m.key,
    boxKey: m.boxKey,
    pipelineKey: pipelineOf(store, m.boxKey),
    creatorKey: m.creatorKey,
    isDraft: m.isDraft,
    taskKeys: [...m.taskKeys],
    creationDate: m.creationDate,
    meetingType: m.meetingType,
    startTimestamp: m.startTimestamp,
    ...(m.duration === null ? {} : { duration: m.duration }),
    notes: m.notes,
    lastSavedTimestamp: m.lastSavedTimestamp,
  };
}

/** The subscription's token is a secret: it is sent with deliveries but never echoed back. */
export function webhookView(w: WebhookRec) {
  const { token: _token, ...rest } = w;
  return { ...rest, webhookKey: w.key };
}
