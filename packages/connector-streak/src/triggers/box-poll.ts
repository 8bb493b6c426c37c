// Polling fallback for box events, for deployments Streak's webhooks cannot reach. Boxes are read
// newest first; the cursor is the newest timestamp seen plus the keys seen at exactly that time.
import { PermanentError, type PollHandler, type TriggerEvent } from '@conduit/connector-kit';
import type { StreakAuth } from '../auth';
import { streakApi } from '../api/streak';
import { pages } from '../api/paging';
import type { WireBox } from '../api/wire';
import { StreakSession } from '../model/session';
import type { Box } from '../model/records';
import { eventKey } from './webhook';

const pollable: Record<string, { sortBy: string; at: (b: WireBox) => number | undefined }> = {
  BOX_CREATE: { sortBy: 'creationTimestamp', at: (b) => b.creationTimestamp },
  BOX_EDIT: { sortBy: 'lastUpdatedTimestamp', at: (b) => b.lastUpdatedTimestamp },
  BOX_CHANGE_STAGE: { sortBy: 'lastUpdatedTimestamp', at: (b) => b.lastStageChangeTimestamp },
};

// A type alias (not an interface) so it is assignable to the kit's Json.
type Cursor = { since: number; keys: string[] };

export function boxVersion(event: string, b: WireBox): string {
  if (event === 'BOX_CHANGE_STAGE') return `${b.stageKey ?? ''}@${b.lastStageChangeTimestamp ?? b.lastUpdatedTimestamp ?? ''}`;
  if (event === 'BOX_EDIT' || event === 'BOX_CHANGE_PIPELINE' || event === 'BOX_NEW_EMAIL_ADDRESS') return String(b.lastUpdatedTimestamp ?? '');
  return '';
}

export const boxPoll: PollHandler<StreakAuth, { event: string; pipelineKey?: string }, Box> = {
  run: async ({ http, config, cursor, signal, heartbeat }) => {
    const how = pollable[config.event];
    if (!how || !config.pipelineKey) {
      throw new PermanentError('validation', { connector: 'Streak', subject: { type: 'trigger', key: config.event }, message: `Streak: ${config.event} cannot be polled; use the webhook (pollable: ${Object.keys(pollable).join(', ')})` });
    }
    const session = new StreakSession(http);
    const pipeline = await session.pipeline(config.pipelineKey);
    const prev = cursor as Cursor | null;
    const seen: WireBox[] = [];
    scan: for await (const boxes of pages({ what: `pipeline "${pipeline.name}"`, signal, heartbeat, fetch: (page) => streakApi.boxPage(http, pipeline.key, { page, sortBy: how.sortBy }) })) {
      for (const b of boxes) {
        // Newest first by sortBy; everything older than the cursor was handled by an earlier poll.
        const order = (how.sortBy === 'creationTimestamp' ? b.creationTimestamp : b.lastUpdatedTimestamp) ?? 0;
        if (prev && order < prev.since) break scan;
        seen.push(b);
      }
      // The first poll only establishes where "now" is; it reports no history.
      if (!prev) break;
    }
    const newest = Math.max(prev?.since ?? 0, ...seen.map((b) => how.at(b) ?? 0));
    const fresh = prev ? seen.filter((b) => { const at = how.at(b) ?? 0; return at > prev.since || (at === prev.since && !prev.keys.includes(b.key)); }) : [];
    const next: Cursor = { since: newest, keys: [...new Set([...(newest === prev?.since ? prev.keys : []), ...seen.filter((b) => how.at(b) === newest).map((b) => b.key)])] };
    const events: TriggerEvent<Box>[] = await Promise.all(
      fresh.reverse().map(async (b) => ({ eventKey: eventKey(config.event, b.key, boxVersion(config.event, b)), payload: await session.present(b) })),
    );
    return { events, cursor: next };
  },
};

