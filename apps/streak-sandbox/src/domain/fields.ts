// Field definitions (update/delete) and per-type validation of the values boxes carry (§4.5).
import { badRequest } from '../http/errors';
import { asObject, optString } from '../http/input';
import type { Store } from '../store/store';
import type { FieldDef, PipelineRec } from '../store/types';
import type { Ctx } from './ctx';

const invalid = (f: FieldDef, value: unknown): Error =>
  badRequest(`Invalid value ${JSON.stringify(value)} for field ${f.key} (${f.name}) of type ${f.type}`);

/**
 * The stored form of `value` for field `f`, or `null` to clear it. TEXT_INPUT takes strings and
 * numbers (stored as strings), DATE epoch ms, CHECKBOX booleans, DROPDOWN an option key, TAG a list
 * of tag keys; PERSON / TEAM_CONTACT / TEAM_ORGANIZATION a list of user / contact / org keys.
 */
export function coerceFieldValue(store: Store, f: FieldDef, value: unknown): unknown {
  if (value === null) return null;
  const keys = (known: (k: string) => boolean): string[] => {
    const list = Array.isArray(value) ? value : [value];
    if (!list.every((k) => typeof k === 'string' && known(k))) throw invalid(f, value);
    return [...new Set(list as string[])];
  };
  switch (f.type) {
    case 'TEXT_INPUT':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      throw invalid(f, value);
    case 'DATE': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof n === 'number' && Number.isInteger(n)) return n;
      throw invalid(f, value);
    }
    case 'CHECKBOX':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw invalid(f, value);
    case 'DROPDOWN': {
      const key = typeof value === 'number' ? String(value) : value;
      if (typeof key === 'string' && f.dropdownSettings?.items.some((i) => i.key === key)) return key;
      throw invalid(f, value);
    }
    case 'TAG':
      return keys((k) => f.tagSettings?.tags.some((t) => t.key === k) ?? false);
    case 'PERSON':
      return keys((k) => k in store.state.users);
    case 'TEAM_CONTACT':
      return keys((k) => k in store.state.contacts);
    case 'TEAM_ORGANIZATION':
      return keys((k) => k in store.state.orgs);
    case 'FORMULA':
      throw badRequest(`Field ${f.key} (${f.name}) is a formula field and cannot be set`);
  }
}

export function findField(p: PipelineRec, key: string): FieldDef {
  const f = p.fields.find((x) => x.key === key);
  if (!f) throw badRequest(`Field ${key} does not exist in pipeline ${p.name}`);
  return f;
}

/** Validate a whole `fields` map against the pipeline; returns the changes to apply. */
export function coerceFieldMap(store: Store, p: PipelineRec, raw: unknown): [string, unknown][] {
  // Form bodies carry the map as a JSON string.
  const value = typeof raw === 'string' ? parseJsonValue(raw) : raw;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('fields must be an object mapping field keys to values');
  }
  const map = value as Record<string, unknown>;
  return Object.entries(map).map(([k, v]) => [k, coerceFieldValue(store, findField(p, k), v)]);
}

function parseJsonValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

type Option = { key?: unknown; name?: unknown; tag?: unknown };

function mergeOptions<T>(opts: {
  current: T[];
  incoming: unknown;
  addOnly: boolean;
  label: 'name' | 'tag';
  p: PipelineRec;
  make: (key: string, label: string) => T;
  keyOf: (t: T) => string;
}): T[] {
  if (!Array.isArray(opts.incoming)) throw badRequest('options must be an array');
  const byKey = new Map(opts.current.map((t) => [opts.keyOf(t), t]));
  const next: T[] = [];
  let counter = opts.p.next.option;
  for (const raw of opts.incoming as Option[]) {
    const label = raw?.[opts.label];
    if (typeof label !== 'string' || !label.trim()) throw badRequest(`option ${opts.label} is required`);
    if (raw.key !== undefined && !byKey.has(String(raw.key)))
      throw badRequest(`option key ${String(raw.key)} does not exist`);
    next.push(opts.make(raw.key === undefined ? String(counter++) : String(raw.key), label));
  }
  opts.p.next.option = counter;
  const kept = new Set(next.map(opts.keyOf));
  return opts.addOnly ? [...opts.current.filter((t) => !kept.has(opts.keyOf(t))), ...next] : next;
}

/** POST /v1/pipelines/{p}/fields/{f}: rename, default value, options; never the type. */
export function updateField(
  ctx: Ctx,
  p: PipelineRec,
  f: FieldDef,
  body: unknown,
  addOnly: boolean,
): FieldDef {
  const o = asObject(body);
  if (o.type !== undefined && o.type !== f.type) throw badRequest("Can't change the type of a field");
  const name = optString(o, 'name');
  if (name !== undefined && !name.trim()) throw badRequest('field name cannot be empty');
  const defaultValue = optString(o, 'defaultValue');
  const draft: FieldDef = structuredClone(f);
  const counter = p.next.option;
  try {
    if (o.dropdownSettings !== undefined) {
      if (f.type !== 'DROPDOWN') throw badRequest('dropdownSettings only apply to DROPDOWN fields');
      const items = mergeOptions({
        current: f.dropdownSettings?.items ?? [],
        incoming: asObject(o.dropdownSettings).items,
        addOnly,
        label: 'name',
        p,
        make: (key, name) => ({ key, name }),
        keyOf: (t) => t.key,
      });
      draft.dropdownSettings = { items };
    }
    if (o.tagSettings !== undefined) {
      if (f.type !== 'TAG') throw badRequest('tagSettings only apply to TAG fields');
      const tags = mergeOptions({
        current: f.tagSettings?.tags ?? [],
        incoming: asObject(o.tagSettings).tags,
        addOnly,
        label: 'tag',
        p,
        make: (key, tag) => ({ key, tag }),
        keyOf: (t) => t.key,
      });
      draft.tagSettings = { tags };
    }
  } catch (e) {
    p.next.option = counter;
    throw e;
  }
  if (name !== undefined) draft.name = name.trim();
  if (defaultValue !== undefined) draft.defaultValue = defaultValue;
  draft.lastUpdatedTimestamp = ctx.store.now();
  Object.assign(f, draft);
  dropStaleOptionValues(ctx, p, f);
  ctx.store.changed();
  return f;
}

/** Box values that point at removed dropdown/tag options are cleared. */
function dropStaleOptionValues(ctx: Ctx, p: PipelineRec, f: FieldDef): void {
  const valid = new Set(
    [...(f.dropdownSettings?.items ?? []), ...(f.tagSettings?.tags ?? [])].map((o) => o.key),
  );
  for (const b of Object.values(ctx.store.state.boxes)) {
    if (b.pipelineKey !== p.key || !(f.key in b.fields)) continue;
    const v = b.fields[f.key];
    if (f.type === 'DROPDOWN' && !valid.has(v as string)) delete b.fields[f.key];
    if (f.type === 'TAG') b.fields[f.key] = (v as string[]).filter((k) => valid.has(k));
  }
}

export function deleteField(ctx: Ctx, p: PipelineRec, f: FieldDef): void {
  p.fields = p.fields.filter((x) => x.key !== f.key);
  for (const b of Object.values(ctx.store.state.boxes)) if (b.pipelineKey === p.key) delete b.fields[f.key];
  p.lastUpdatedTimestamp = ctx.store.now();
  ctx.store.changed();
}
