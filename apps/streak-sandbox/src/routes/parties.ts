// Contacts and organizations (§4.7–4.8): team-scoped, cursor-paged, get-or-create, batch get.
import type { Ctx } from '../domain/ctx';
import { CONTACT, createParty, deleteParty, ORG, partyView, updateParty } from '../domain/parties';
import type { Api, Req } from '../http/api';
import { badRequest } from '../http/errors';
import { asArray, q, qInt } from '../http/input';
import type { ContactRec, OrgRec } from '../store/types';
import { teamFor } from './access';

type Rec = ContactRec | OrgRec;

/** Opaque cursor = the last key returned; a full page always hands out a cursor, so a trailing empty page can follow. */
function cursorPage(items: Rec[], r: Req) {
  const limit = qInt(r.query, 'limit', 100, { min: 1, max: 1000 });
  const cursor = q(r.query, 'cursor');
  let after = '';
  if (cursor) {
    after = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!after.startsWith('agxz')) throw badRequest('Invalid cursor');
  }
  const sorted = items.filter((x) => x.key > after).sort((a, b) => (a.key < b.key ? -1 : 1));
  const results = sorted.slice(0, limit);
  const last = results[results.length - 1];
  return {
    results: results.map(partyView),
    ...(results.length === limit && last ? { cursor: Buffer.from(last.key).toString('base64url') } : {}),
  };
}

export function registerParties(api: Api, ctx: Ctx): void {
  const { store } = ctx;
  for (const [kind, plural] of [
    [CONTACT, 'contacts'],
    [ORG, 'organizations'],
  ] as const) {
    const table = () => store.state[kind.table] as Record<string, Rec>;
    const find = (r: Req): Rec => {
      const rec = store.find(kind.table, r.params.key);
      teamFor(ctx, r.userKey, rec.teamKey);
      return rec;
    };
    api.post(`/v2/teams/:teamKey/${plural}`, (r) => {
      const team = teamFor(ctx, r.userKey, r.params.teamKey);
      return partyView(
        createParty(ctx, kind, {
          teamKey: team.key,
          body: r.body,
          userKey: r.userKey,
          getIfExisting: q(r.query, 'getIfExisting') === 'true',
        }),
      );
    });
    api.get(`/v2/teams/:teamKey/${plural}`, (r) => {
      const team = teamFor(ctx, r.userKey, r.params.teamKey);
      // `after` is epoch *seconds* on lastSavedTimestamp (contacts only, per the 2026 spec).
      const afterSec =
        kind === CONTACT ? qInt(r.query, 'after', -1, { min: 0, max: Number.MAX_SAFE_INTEGER }) : -1;
      const items = Object.values(table()).filter(
        (x) => x.teamKey === team.key && (afterSec < 0 || x.lastSavedTimestamp > afterSec * 1000),
      );
      return cursorPage(items, r);
    });
    api.post(`/v2/${plural}/batch/get`, (r) => {
      const keys = asArray(r.body).map(String);
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        const rec = table()[k];
        if (rec && store.state.teams[rec.teamKey]?.members.some((m) => m.userKey === r.userKey))
          out[k] = partyView(rec);
      }
      return out;
    });
    api.get(`/v2/${plural}/:key`, (r) => partyView(find(r)));
    api.post(`/v2/${plural}/:key`, (r) => partyView(updateParty(ctx, kind, find(r), r.body, r.userKey)));
    api.del(`/v2/${plural}/:key`, (r) => {
      deleteParty(ctx, kind, find(r));
      return { success: true };
    });
  }
}
