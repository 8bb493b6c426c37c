// Polling fallback for contact events: contacts list by `after` (epoch *seconds* on lastSaved), so
// the cursor keeps milliseconds and the keys seen at that instant to avoid repeats and gaps.
import { PermanentError, type PollHandler } from '@conduit/connector-kit';
import type { StreakAuth } from '../auth';
import { streakApi } from '../api/streak';
import { cursorPages } from '../api/paging';
import type { WireContact } from '../api/wire';
import { StreakSession } from '../model/session';
import { type contactSchema, toContact } from '../model/records';
import type { z } from 'zod';
import { eventKey } from './webhook';

// A type alias (not an interface) so it is assignable to the kit's Json.
type Cursor = { since: number; keys: string[] };

export const contactPoll: PollHandler<StreakAuth, { event: string; teamKey?: string }, z.input<typeof contactSchema>> = {
  run: async ({ http, config, cursor, signal, heartbeat }) => {
    if (config.event !== 'CONTACT_CREATE' && config.event !== 'CONTACT_UPDATE') {
      throw new PermanentError('validation', { connector: 'Streak', subject: { type: 'trigger', key: config.event }, message: `Streak: ${config.event} cannot be polled; use the webhook (pollable: CONTACT_CREATE, CONTACT_UPDATE)` });
    }
    const teamKey = await new StreakSession(http).teamKey(config.teamKey);
    const prev = cursor as Cursor | null;
    const at = (c: WireContact) => (config.event === 'CONTACT_CREATE' ? c.creationDate : c.lastSavedTimestamp) ?? 0;
    // The first poll establishes "now" from the newest contact and reports no history.
    const after = prev ? Math.floor(prev.since / 1000) - 1 : undefined;
    const seen: WireContact[] = [];
    for await (const page of cursorPages({
      what: `contacts of team ${teamKey}`, signal, heartbeat,
      fetch: (c) => streakApi.contactPage(http, teamKey, { ...(c ? { cursor: c } : {}), ...(after !== undefined ? { after } : {}), limit: 1000 }),
    })) seen.push(...page);
    const newest = Math.max(prev?.since ?? 0, ...seen.map(at));
    const fresh = prev ? seen.filter((c) => at(c) > prev.since || (at(c) === prev.since && !prev.keys.includes(c.key))).sort((a, b) => at(a) - at(b)) : [];
    const next: Cursor = { since: newest, keys: [...new Set([...(newest === prev?.since ? prev.keys : []), ...seen.filter((c) => at(c) === newest).map((c) => c.key)])] };
    return {
      events: fresh.map((c) => ({ eventKey: eventKey(config.event, c.key, config.event === 'CONTACT_UPDATE' ? String(c.lastSavedTimestamp ?? '') : ''), payload: toContact(c) })),
      cursor: next,
    };
  },
};
