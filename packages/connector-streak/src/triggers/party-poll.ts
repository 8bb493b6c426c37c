// Polling fallback for contact and organization events. Contacts can be listed `after` a time (epoch
// *seconds* on lastSaved); organizations cannot, so their poll reads the team's whole list. The cursor
// keeps milliseconds plus the keys seen at that instant, so nothing repeats or slips through.
import { PermanentError, type PollHandler } from '@conduit/connector-kit';
import type { StreakAuth } from '../auth';
import { streakApi } from '../api/streak';
import { cursorPages } from '../api/paging';
import { StreakSession } from '../model/session';
import { eventKey } from './webhook';

// A type alias (not an interface) so it is assignable to the kit's Json.
type Cursor = { since: number; keys: string[] };
type Party = { key: string; creationDate?: number; lastSavedTimestamp?: number };

export function partyPoll<W extends Party, P>(opts: { kind: 'contacts' | 'organizations'; create: string; update: string; toPayload: (w: W) => P }): PollHandler<StreakAuth, { event: string; teamKey?: string }, P> {
  return {
    run: async ({ http, config, cursor, signal, heartbeat }) => {
      if (config.event !== opts.create && config.event !== opts.update) {
        throw new PermanentError('validation', { connector: 'Streak', subject: { type: 'trigger', key: config.event }, message: `Streak: ${config.event} cannot be polled; use the webhook (pollable: ${opts.create}, ${opts.update})` });
      }
      const teamKey = await new StreakSession(http).teamKey(config.teamKey);
      const prev = cursor as Cursor | null;
      const at = (w: W) => (config.event === opts.create ? w.creationDate : w.lastSavedTimestamp) ?? 0;
      // The first poll establishes "now" from the newest record and reports no history.
      const after = prev && opts.kind === 'contacts' ? Math.floor(prev.since / 1000) - 1 : undefined;
      const seen: W[] = [];
      for await (const page of cursorPages({
        what: `${opts.kind} of team ${teamKey}`, signal, heartbeat,
        fetch: (c) => streakApi.partyPage<W>(http, opts.kind, teamKey, { ...(c ? { cursor: c } : {}), ...(after !== undefined ? { after } : {}), limit: 1000 }),
      })) seen.push(...page);
      const newest = Math.max(prev?.since ?? 0, ...seen.map(at));
      const fresh = prev ? seen.filter((w) => at(w) > prev.since || (at(w) === prev.since && !prev.keys.includes(w.key))).sort((a, b) => at(a) - at(b)) : [];
      const next: Cursor = { since: newest, keys: [...new Set([...(newest === prev?.since ? prev.keys : []), ...seen.filter((w) => at(w) === newest).map((w) => w.key)])] };
      return {
        events: fresh.map((w) => ({ eventKey: eventKey(config.event, w.key, config.event === opts.update ? String(w.lastSavedTimestamp ?? '') : ''), payload: opts.toPayload(w) })),
        cursor: next,
      };
    },
  };
}
