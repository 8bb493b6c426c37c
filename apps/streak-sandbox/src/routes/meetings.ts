// Meetings: call logs and meeting notes (v2, §4.11).
import type { Ctx } from '../domain/ctx';
import type { Api, Req } from '../http/api';
import { badRequest } from '../http/errors';
import { asObject, optBool, optNumber, optString, optStringList, paged, type Obj } from '../http/input';
import type { MeetingRec } from '../store/types';
import { meetingView } from '../views/crm';
import { boxFor, childFor } from './access';

function parsePatch(ctx: Ctx, o: Obj) {
  const meetingType = optString(o, 'meetingType');
  if (meetingType !== undefined && meetingType !== 'CALL_LOG' && meetingType !== 'MEETING_NOTES')
    throw badRequest(`Invalid meetingType: ${meetingType}`);
  const duration = optNumber(o, 'duration');
  if (duration !== undefined && duration < 0) throw badRequest('duration must not be negative');
  const taskKeys = optStringList(o, 'taskKeys');
  for (const k of taskKeys ?? []) ctx.store.find('tasks', k);
  return {
    meetingType: meetingType as MeetingRec['meetingType'] | undefined,
    startTimestamp: optNumber(o, 'startTimestamp'),
    duration,
    notes: optString(o, 'notes'),
    taskKeys,
    isDraft: optBool(o, 'isDraft'),
  };
}

function emit(ctx: Ctx, event: 'MEETING_CREATE' | 'MEETING_UPDATE', m: MeetingRec): void {
  const b = ctx.store.state.boxes[m.boxKey];
  if (b && !m.isDraft) ctx.hooks.emit(event, { pipelineKey: b.pipelineKey }, [meetingView(ctx.store, m)]);
}

export function registerMeetings(api: Api, ctx: Ctx): void {
  const { store } = ctx;
  const meeting = (r: Req) => childFor(ctx, r.userKey, 'meetings', r.params.meetingKey);
  api.get('/v2/boxes/:boxKey/meetings', (r) => {
    const b = boxFor(ctx, r.userKey, r.params.boxKey);
    const all = Object.values(store.state.meetings)
      .filter((m) => m.boxKey === b.key)
      .sort((x, y) => x.creationDate - y.creationDate);
    const page = paged(all, r.query, 100, 1000);
    return { results: page.results.map((m) => meetingView(store, m)), hasNextPage: page.hasNextPage };
  });
  api.post('/v2/boxes/:boxKey/meetings', (r) => {
    const b = boxFor(ctx, r.userKey, r.params.boxKey);
    const p = parsePatch(ctx, asObject(r.body));
    if (!p.meetingType) throw badRequest('meetingType is required (CALL_LOG or MEETING_NOTES)');
    const now = store.now();
    const m: MeetingRec = {
      key: store.newKey('meetings'),
      boxKey: b.key,
      creatorKey: r.userKey,
      creationDate: now,
      lastSavedTimestamp: now,
      meetingType: p.meetingType,
      startTimestamp: p.startTimestamp ?? now,
      duration: p.duration ?? null,
      notes: p.notes ?? '',
      taskKeys: p.taskKeys ?? [],
      isDraft: p.isDraft ?? false,
    };
    store.state.meetings[m.key] = m;
    store.changed();
    emit(ctx, 'MEETING_CREATE', m);
    return meetingView(store, m);
  });
  api.get('/v2/meetings/:meetingKey', (r) => meetingView(store, meeting(r)));
  api.post('/v2/meetings/:meetingKey', (r) => {
    const m = meeting(r);
    const patch = parsePatch(ctx, asObject(r.body));
    const wasDraft = m.isDraft;
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) Object.assign(m, { [k]: v });
    m.lastSavedTimestamp = store.now();
    store.changed();
    emit(ctx, wasDraft && !m.isDraft ? 'MEETING_CREATE' : 'MEETING_UPDATE', m);
    return meetingView(store, m);
  });
  api.del('/v2/meetings/:meetingKey', (r) => {
    delete store.state.meetings[meeting(r).key];
    store.changed();
    return { success: true };
  });
}
