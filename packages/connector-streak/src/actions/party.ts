// Get-or-create for contacts and organizations. Streak's `getIfExisting` returns a match by e-mail or
// domain without merging anything, so the given properties are applied afterwards when they differ.
import type { FieldValue } from '../model/fields';
import type { StreakSession } from '../model/session';

export interface PartyWrite<W extends { key: string; fields?: Record<string, unknown> }> {
  session: StreakSession;
  kind: 'contact' | 'organization';
  teamKey: string | undefined;
  /** Properties used for creation (including the identity: e-mail or domain). */
  create: Record<string, unknown>;
  /** Properties to make true on an existing record; undefined ones are left alone. */
  update: Record<string, unknown>;
  fields: Record<string, FieldValue> | undefined;
  createCall: (teamKey: string, body: Record<string, unknown>) => Promise<W>;
  updateCall: (key: string, body: Record<string, unknown>) => Promise<W>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function upsertParty<W extends { key: string; fields?: Record<string, unknown> }>(p: PartyWrite<W>): Promise<W> {
  const teamKey = await p.session.teamKey(p.teamKey);
  // Encode custom fields before writing anything, so an unknown field or bad value fails cleanly.
  const fields = p.fields && Object.keys(p.fields).length ? (await p.session.teamFields(teamKey, p.kind)).encodeAll(p.fields) : {};
  const record = await p.createCall(teamKey, p.create);
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.update)) if (v !== undefined && !same((record as Record<string, unknown>)[k], v)) patch[k] = v;
  const changedFields = Object.fromEntries(Object.entries(fields).filter(([k, v]) => !same(record.fields?.[k], v)));
  if (Object.keys(changedFields).length) patch.fields = changedFields;
  return Object.keys(patch).length ? p.updateCall(record.key, patch) : record;
}
