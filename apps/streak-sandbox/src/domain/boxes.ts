// Box rules (§4.6, §8.5–8.6): create, whitelisted partial update, stage moves, pipeline moves,
// cascading delete, and the webhook events each one fires.
import { badRequest } from '../http/errors';
import { asObject, optList, optString, optStringList, type Obj } from '../http/input';
import type { BoxRec, LinkRec, PipelineRec } from '../store/types';
import { boxView } from '../views/boxes';
import type { Ctx } from './ctx';
import { coerceFieldMap } from './fields';
import { findStage } from './pipelines';

/** `assignedToSharingEntries`: `[{email}]` (live), `[{userKey}]`, bare user keys, or that list as a JSON string. */
export function parseAssignees(ctx: Ctx, o: Obj, prop: string): string[] | undefined {
  const list = optList(o, prop);
  if (list === undefined) return undefined;
  const users = Object.values(ctx.store.state.users);
  return [
    ...new Set(
      list.map((entry) => {
        const e =
          typeof entry === 'string'
            ? entry.includes('@')
              ? { email: entry }
              : { userKey: entry }
            : (entry as Obj);
        const email = typeof e?.email === 'string' ? e.email.toLowerCase() : undefined;
        const u = users.find((x) => (email ? x.email.toLowerCase() === email : x.key === e?.userKey));
        if (!u) throw badRequest(`No user found for assignee ${JSON.stringify(entry)}`);
        return u.key;
      }),
    ),
  ];
}

function parseLinks(ctx: Ctx, o: Obj, prop: 'contacts' | 'organizations'): LinkRec[] | undefined {
  const list = optList(o, prop);
  if (list === undefined) return undefined;
  const table = prop === 'contacts' ? ctx.store.state.contacts : ctx.store.state.orgs;
  return list.map((raw) => {
    const l = asObject(raw);
    const key = optString(l, 'key');
    if (!key || !(key in table))
      throw badRequest(`${prop === 'contacts' ? 'Contact' : 'Organization'} ${String(key)} does not exist`);
    return { key, isStarred: l.isStarred === true, isAutoboxed: l.isAutoboxed === true };
  });
}

function parseKeys(o: Obj, prop: string, exists: (k: string) => boolean): string[] | undefined {
  const keys = optStringList(o, prop);
  const bad = keys?.find((k) => !exists(k));
  if (bad !== undefined) throw badRequest(`${prop}: ${bad} does not exist`);
  return keys;
}

/** Everything the update endpoint accepts, validated; nothing is applied here. */
function parsePatch(ctx: Ctx, p: PipelineRec, body: unknown) {
  const o = asObject(body);
  const name = optString(o, 'name');
  if (name !== undefined && !name.trim()) throw badRequest('name cannot be empty');
  const stageKey = optString(o, 'stageKey');
  if (stageKey !== undefined) findStage(p, stageKey);
  const s = ctx.store.state;
  return {
    name,
    stageKey,
    notes: optString(o, 'notes'),
    assignedToKeys: parseAssignees(ctx, o, 'assignedToSharingEntries'),
    followerKeys: parseKeys(o, 'followerKeys', (k) => k in s.users),
    contacts: parseLinks(ctx, o, 'contacts'),
    organizations: parseLinks(ctx, o, 'organizations'),
    linkedBoxKeys: parseKeys(o, 'linkedBoxKeys', (k) => k in s.boxes),
    fields: o.fields === undefined || o.fields === null ? undefined : coerceFieldMap(ctx.store, p, o.fields),
  };
}

type Patch = ReturnType<typeof parsePatch>;

function applyFields(b: BoxRec, fields: [string, unknown][]): void {
  for (const [k, v] of fields) {
    if (v === null) delete b.fields[k];
    else b.fields[k] = v;
  }
}

export function createBox(ctx: Ctx, p: PipelineRec, body: unknown, userKey: string): BoxRec {
  const patch = parsePatch(ctx, p, body);
  if (!patch.name) throw badRequest('Insufficient params for Box: name is required');
  const now = ctx.store.now();
  const stageKey = patch.stageKey ?? (p.stageOrder[0] as string);
  const b: BoxRec = {
    key: ctx.store.newKey('boxes'),
    pipelineKey: p.key,
    stageKey,
    name: patch.name.trim(),
    notes: patch.notes ?? '',
    creatorKey: userKey,
    creationTimestamp: now,
    lastUpdatedTimestamp: now,
    lastStageChangeTimestamp: now,
    fields: {},
    assignedToKeys: patch.assignedToKeys ?? [],
    followerKeys: patch.followerKeys ?? [userKey],
    contacts: patch.contacts ?? [],
    organizations: patch.organizations ?? [],
    linkedBoxKeys: patch.linkedBoxKeys ?? [],
    stageHistory: [{ stageKey, timestamp: now, userKey }],
    history: [
      {
        type: 'CREATE',
        timestamp: now,
        userKey,
        detail: `created in ${p.stages[stageKey]?.name ?? stageKey}`,
      },
    ],
  };
  applyFields(b, patch.fields ?? []);
  ctx.store.state.boxes[b.key] = b;
  ctx.store.changed();
  ctx.hooks.emit('BOX_CREATE', { pipelineKey: p.key }, [boxView(ctx.store, b)]);
  return b;
}

function applyPatch(
  ctx: Ctx,
  p: PipelineRec,
  b: BoxRec,
  patch: Patch,
  userKey: string,
): { moved: boolean; edited: boolean } {
  const now = ctx.store.now();
  const before = JSON.stringify([b.name, b.notes, b.assignedToKeys, b.fields]);
  const moved = patch.stageKey !== undefined && patch.stageKey !== b.stageKey;
  if (patch.name !== undefined) b.name = patch.name.trim();
  if (patch.notes !== undefined) b.notes = patch.notes;
  for (const k of ['assignedToKeys', 'followerKeys', 'contacts', 'organizations', 'linkedBoxKeys'] as const) {
    if (patch[k] !== undefined) (b as unknown as Record<string, unknown>)[k] = patch[k];
  }
  applyFields(b, patch.fields ?? []);
  const edited = JSON.stringify([b.name, b.notes, b.assignedToKeys, b.fields]) !== before;
  if (moved && patch.stageKey) {
    b.stageKey = patch.stageKey;
    b.lastStageChangeTimestamp = now;
    b.stageHistory.push({ stageKey: b.stageKey, timestamp: now, userKey });
    b.history.push({
      type: 'MOVE',
      timestamp: now,
      userKey,
      detail: `moved to ${p.stages[b.stageKey]?.name ?? b.stageKey}`,
    });
  }
  if (edited) b.history.push({ type: 'EDIT', timestamp: now, userKey, detail: 'edited' });
  // Both logs are capped so a long-running dev sandbox (or a benchmark) cannot grow without bound.
  for (const log of [b.history, b.stageHistory]) if (log.length > 200) log.splice(0, log.length - 200);
  b.lastUpdatedTimestamp = now;
  return { moved, edited };
}

/** POST /v1/boxes/{k}. A stage move fires BOX_CHANGE_STAGE; other edits fire BOX_EDIT (both when both). */
export function updateBox(ctx: Ctx, b: BoxRec, body: unknown, userKey: string): BoxRec {
  const p = ctx.store.find('pipelines', b.pipelineKey);
  const { moved, edited } = applyPatch(ctx, p, b, parsePatch(ctx, p, body), userKey);
  ctx.store.changed();
  const view = boxView(ctx.store, b);
  if (moved) ctx.hooks.emit('BOX_CHANGE_STAGE', { pipelineKey: p.key }, [view]);
  if (edited) ctx.hooks.emit('BOX_EDIT', { pipelineKey: p.key }, [view]);
  return b;
}

export function deleteBox(ctx: Ctx, b: BoxRec): void {
  const s = ctx.store.state;
  const view = boxView(ctx.store, b);
  for (const table of [s.tasks, s.comments, s.meetings]) {
    for (const [k, child] of Object.entries(table)) if (child.boxKey === b.key) delete table[k];
  }
  delete s.boxes[b.key];
  ctx.store.changed();
  ctx.hooks.emit('BOX_DELETE', { pipelineKey: b.pipelineKey }, [view]);
}

/** Batch move to another pipeline: first stage of the target; values kept where a field of the same name and type exists. */
export function moveBoxes(ctx: Ctx, from: PipelineRec, body: unknown): BoxRec[] {
  if (!Array.isArray(body)) throw badRequest('Request body must be a JSON array');
  const moves = body.map((raw) => {
    const o = asObject(raw);
    const b = ctx.store.find('boxes', optString(o, 'boxKey') ?? optString(o, 'key'));
    if (b.pipelineKey !== from.key) throw badRequest(`Box ${b.key} is not in pipeline ${from.key}`);
    return { b, to: ctx.store.find('pipelines', optString(o, 'pipelineKey')) };
  });
  const now = ctx.store.now();
  for (const { b, to } of moves) {
    const old = ctx.store.find('pipelines', b.pipelineKey);
    const fields: Record<string, unknown> = {};
    for (const f of old.fields) {
      const twin = to.fields.find(
        (t) => t.name === f.name && t.type === f.type && !['DROPDOWN', 'TAG'].includes(t.type),
      );
      if (twin && f.key in b.fields) fields[twin.key] = b.fields[f.key];
    }
    Object.assign(b, {
      pipelineKey: to.key,
      stageKey: to.stageOrder[0],
      fields,
      lastUpdatedTimestamp: now,
      lastStageChangeTimestamp: now,
    });
    b.history.push({
      type: 'MOVE',
      timestamp: now,
      userKey: b.creatorKey,
      detail: `moved to pipeline ${to.name}`,
    });
  }
  ctx.store.changed();
  for (const { b, to } of moves) {
    const view = boxView(ctx.store, b);
    ctx.hooks.emit('BOX_CHANGE_PIPELINE', { pipelineKey: to.key }, [view]);
    if (to.key !== from.key) ctx.hooks.emit('BOX_CHANGE_PIPELINE', { pipelineKey: from.key }, [view]);
  }
  return moves.map((m) => m.b);
}
