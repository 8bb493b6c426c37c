// The box JSON (§4.6). Aggregates (comment/task/meeting counts) are derived from the child
// records once per state change rather than stored, so they can never drift.
import type { Store } from '../store/store';
import type { BoxRec } from '../store/types';
import { sharingEntry } from './users';

interface Aggregates {
  commentCount: number;
  lastCommentTimestamp?: number;
  taskTotal: number;
  taskCompleteCount: number;
  taskOverdueCount: number;
  soonestTaskDueDate?: number;
  callLogCount: number;
  meetingNotesCount: number;
  totalCallLogDuration: number;
  totalMeetingNotesDuration: number;
}

const emptyAggregates = (): Aggregates => ({
  commentCount: 0,
  taskTotal: 0,
  taskCompleteCount: 0,
  taskOverdueCount: 0,
  callLogCount: 0,
  meetingNotesCount: 0,
  totalCallLogDuration: 0,
  totalMeetingNotesDuration: 0,
});

function aggregates(store: Store): Map<string, Aggregates> {
  return store.memo('boxAggregates', () => {
    const now = store.now();
    const all = new Map<string, Aggregates>();
    const of = (boxKey: string): Aggregates => {
      let a = all.get(boxKey);
      if (!a) all.set(boxKey, (a = emptyAggregates()));
      return a;
    };
    for (const c of Object.values(store.state.comments)) {
      const a = of(c.boxKey);
      a.commentCount++;
      a.lastCommentTimestamp = Math.max(a.lastCommentTimestamp ?? 0, c.timestamp);
    }
    for (const t of Object.values(store.state.tasks)) {
      if (t.isDraft) continue;
      const a = of(t.boxKey);
      a.taskTotal++;
      if (t.status === 'DONE') a.taskCompleteCount++;
      else if (t.dueDate !== null) {
        if (t.dueDate < now) a.taskOverdueCount++;
        a.soonestTaskDueDate = Math.min(a.soonestTaskDueDate ?? Infinity, t.dueDate);
      }
    }
    for (const m of Object.values(store.state.meetings)) {
      const a = of(m.boxKey);
      if (m.meetingType === 'CALL_LOG') {
        a.callLogCount++;
        a.totalCallLogDuration += m.duration ?? 0;
      } else {
        a.meetingNotesCount++;
        a.totalMeetingNotesDuration += m.duration ?? 0;
      }
    }
    return all;
  });
}

export function boxView(store: Store, b: BoxRec) {
  const a = aggregates(store).get(b.key) ?? emptyAggregates();
  const incomplete = a.taskTotal - a.taskCompleteCount;
  return {
    key: b.key,
    boxKey: b.key,
    pipelineKey: b.pipelineKey,
    stageKey: b.stageKey,
    name: b.name,
    notes: b.notes,
    creatorKey: b.creatorKey,
    creationTimestamp: b.creationTimestamp,
    lastUpdatedTimestamp: b.lastUpdatedTimestamp,
    lastSavedTimestamp: b.lastUpdatedTimestamp,
    lastStageChangeTimestamp: b.lastStageChangeTimestamp,
    fields: { ...b.fields },
    assignedToSharingEntries: b.assignedToKeys.map((k) => sharingEntry(store, k)),
    creatorSharingEntry: sharingEntry(store, b.creatorKey),
    followerKeys: [...b.followerKeys],
    followerSharingEntries: b.followerKeys.map((k) => sharingEntry(store, k)),
    followerCount: b.followerKeys.length,
    contacts: b.contacts.map((c) => ({ ...c })),
    organizations: b.organizations.map((o) => ({ ...o })),
    linkedBoxKeys: [...b.linkedBoxKeys],
    emailAddresses: [],
    emailAddressesAutoExtracted: [],
    emailAddressesBlacklist: [],
    fileCount: 0,
    gmailThreadCount: 0,
    ...a,
    taskIncompleteCount: incomplete,
    taskPercentageComplete: a.taskTotal === 0 ? 0 : Math.round((a.taskCompleteCount / a.taskTotal) * 100),
    totalNumberOfEmails: 0,
    totalNumberOfSentEmails: 0,
    totalNumberOfReceivedEmails: 0,
    freshness: 0,
    creationSourceType: 'HUMAN',
    stageHistoryEntries: b.stageHistory.map((h) => ({ ...h })),
    fieldsAutofillStatus: {},
    violations: [],
  };
}

export type BoxJson = ReturnType<typeof boxView>;
