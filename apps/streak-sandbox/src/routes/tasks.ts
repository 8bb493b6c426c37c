// Tasks (v2, §4.9). Both assignee spellings are accepted (`assignedTo` from the 2026 spec and the
// legacy `assignedToSharingEntries`) and both are returned. Draft tasks fire no webhooks.
import type { Ctx } from '../domain/ctx';
import { parseAssignees } from '../domain/boxes';
import type { Api, Req } from '../http/api';
import { badRequest } from '../http/errors';
import { asObject, optBool, optNumber, optString, paged, q, qAll, type Obj } from '../http/input';
import type { TaskRec } from '../store/types';
import { taskView } from '../views/crm';
import { boxFor, childFor, visiblePipelines } from './access';

const DAY = 86_400_000;

function parseTaskPatch(ctx: Ctx, o: Obj) {
  const text = optString(o, 'text');
  if (text !== undefined && !text.trim()) throw badRequest('text cannot be empty');
  const due = optNumber(o, 'dueDate');
  const status = optString(o, 'status');
  if (status !== undefined && status !== 'NOT_DONE' && status !== 'DONE')
    throw badRequest(`Invalid status: ${status}`);
  const meetingKey = optString(o, 'meetingKey');
  if (meetingKey !== undefined) ctx.store.find('meetings', meetingKey);
  return {
    text,
    status: status as TaskRec['status'] | undefined,
    meetingKey,
    isDraft: optBool(o, 'isDraft'),
    dueDate: due === undefined ? undefined : due === -1 ? null : due,
    assignedToKeys:
      parseAssignees(ctx, o, 'assignedTo') ?? parseAssignees(ctx, o, 'assignedToSharingEntries'),
  };
}

function emit(ctx: Ctx, event: 'TASK_CREATE' | 'TASK_COMPLETE' | 'TASK_UPDATED', t: TaskRec): void {
  if (t.isDraft) return;
  const b = ctx.store.state.boxes[t.boxKey];
  if (b) ctx.hooks.emit(event, { pipelineKey: b.pipelineKey }, [taskView(ctx.store, t)]);
}

function updateTask(ctx: Ctx, t: TaskRec, body: unknown): TaskRec {
  const patch = parseTaskPatch(ctx, asObject(body));
  const now = ctx.store.now();
  const wasDraft = t.isDraft;
  const completed = patch.status === 'DONE' && t.status !== 'DONE';
  if (patch.status !== undefined && patch.status !== t.status) t.lastStatusChangeDate = now;
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) Object.assign(t, { [k]: v });
  if (patch.dueDate !== undefined) t.dueFiredFor = null;
  t.lastSavedTimestamp = now;
  ctx.store.changed();
  if (wasDraft && !t.isDraft) emit(ctx, 'TASK_CREATE', t);
  if (completed) emit(ctx, 'TASK_COMPLETE', t);
  emit(ctx, 'TASK_UPDATED', t);
  return t;
}

/** GET /v2/tasks: the caller's agenda; default = incomplete tasks due before tomorrow. */
function agenda(ctx: Ctx, r: Req) {
  const userKeys = qAll(r.query, 'userKeys').flatMap((k) => k.split(','));
  const who = new Set(userKeys.length ? userKeys : [r.userKey]);
  const pipelineKey = q(r.query, 'pipelineKey');
  const visible = new Set(visiblePipelines(ctx, r.userKey).map((p) => p.key));
  const includeCompleted = q(r.query, 'includeCompleted') === 'true';
  const direction = q(r.query, 'direction') ?? 'past';
  if (!['desc', 'past', 'asc', 'future'].includes(direction))
    throw badRequest(`Invalid direction: ${direction}`);
  const future = direction === 'asc' || direction === 'future';
  const tomorrow = Math.floor(ctx.store.now() / DAY) * DAY + DAY;
  const tasks = Object.values(ctx.store.state.tasks).filter((t) => {
    const b = ctx.store.state.boxes[t.boxKey];
    return (
      b &&
      visible.has(b.pipelineKey) &&
      (!pipelineKey || b.pipelineKey === pipelineKey) &&
      !t.isDraft &&
      (includeCompleted || t.status !== 'DONE') &&
      t.assignedToKeys.some((k) => who.has(k)) &&
      t.dueDate !== null &&
      (future ? t.dueDate >= tomorrow : t.dueDate < tomorrow)
    );
  });
  tasks.sort((a, b) => (future ? 1 : -1) * ((a.dueDate ?? 0) - (b.dueDate ?? 0)));
  const page = paged(tasks, r.query, 50);
  return { results: page.results.map((t) => taskView(ctx.store, t)), hasNextPage: page.hasNextPage };
}

export function registerTasks(api: Api, ctx: Ctx): void {
  const { store } = ctx;
  const task = (r: Req) => childFor(ctx, r.userKey, 'tasks', r.params.taskKey);
  api.get('/v2/boxes/:boxKey/tasks', (r) => {
    const b = boxFor(ctx, r.userKey, r.params.boxKey);
    const tasks = Object.values(store.state.tasks)
      .filter((t) => t.boxKey === b.key)
      .sort((x, y) => x.creationDate - y.creationDate);
    const page = paged(tasks, r.query, 100, 1000);
    return { results: page.results.map((t) => taskView(store, t)), hasNextPage: page.hasNextPage };
  });
  api.post('/v2/boxes/:boxKey/tasks', (r) => {
    const b = boxFor(ctx, r.userKey, r.params.boxKey);
    const patch = parseTaskPatch(ctx, asObject(r.body));
    if (!patch.text) throw badRequest('text is required');
    const now = store.now();
    const t: TaskRec = {
      key: store.newKey('tasks'),
      boxKey: b.key,
      creatorKey: r.userKey,
      creationDate: now,
      lastSavedTimestamp: now,
      lastStatusChangeDate: now,
      dueDate: patch.dueDate ?? null,
      text: patch.text,
      status: patch.status ?? 'NOT_DONE',
      assignedToKeys: patch.assignedToKeys ?? [r.userKey],
      meetingKey: patch.meetingKey ?? null,
      isDraft: patch.isDraft ?? false,
      dueFiredFor: null,
    };
    store.state.tasks[t.key] = t;
    store.changed();
    emit(ctx, 'TASK_CREATE', t);
    return taskView(store, t);
  });
  api.get('/v2/tasks', (r) => agenda(ctx, r));
  api.get('/v2/tasks/:taskKey', (r) => taskView(store, task(r)));
  api.post('/v2/tasks/:taskKey', (r) => taskView(store, updateTask(ctx, task(r), r.body)));
  api.del('/v2/tasks/:taskKey', (r) => {
    delete store.state.tasks[task(r).key];
    store.changed();
    return { success: true };
  });
}

/** TASK_DUE fires once per due date when a non-draft, open task's due time passes. */
export function fireDueTasks(ctx: Ctx): void {
  const now = ctx.store.now();
  for (const t of Object.values(ctx.store.state.tasks)) {
    if (
      t.isDraft ||
      t.status === 'DONE' ||
      t.dueDate === null ||
      t.dueDate > now ||
      t.dueFiredFor === t.dueDate
    )
      continue;
    t.dueFiredFor = t.dueDate;
    const b = ctx.store.state.boxes[t.boxKey];
    if (b) ctx.hooks.emit('TASK_DUE', { pipelineKey: b.pipelineKey }, [taskView(ctx.store, t)]);
    ctx.store.changed();
  }
}
