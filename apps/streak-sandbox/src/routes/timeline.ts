// Read-only activity: the v2 box timeline ({entries, nextPage}, §4.12) and the legacy v1 newsfeed
// (50 most recent items). Both are built from comments, meetings and each box's audit history.
import { z } from 'zod';
import type { Ctx } from '../domain/ctx';
import type { Api, Req } from '../http/api';
import { badRequest } from '../http/errors';
import { q, qAll, qInt } from '../http/input';
import type { BoxRec } from '../store/types';
import { commentView, meetingView } from '../views/crm';
import { boxFor, pipelineFor, visiblePipelines } from './access';

const FILTERS = [
  'CALL_LOGS',
  'COMMENTS',
  'EMAILS',
  'FILES',
  'HANGOUTS_CHAT',
  'MEETING_NOTES',
  'NEWSFEED_BOX_CREATION_MOVE',
  'NEWSFEED_BOX_EDIT',
];

interface Entry {
  key: string;
  entryType: string;
  timestamp: number;
  creatorKey: string;
  boxKey: string;
  [detail: string]: unknown;
}

function entriesOf(ctx: Ctx, b: BoxRec): Entry[] {
  const s = ctx.store.state;
  const base = (key: string, entryType: string, timestamp: number, creatorKey: string) => ({
    key,
    entryType,
    timestamp,
    creatorKey,
    boxKey: b.key,
  });
  return [
    ...Object.values(s.comments)
      .filter((c) => c.boxKey === b.key)
      .map((c) => ({
        ...base(c.key, 'COMMENTS', c.timestamp, c.creatorKey),
        comment: commentView(ctx.store, c),
      })),
    ...Object.values(s.meetings)
      .filter((m) => m.boxKey === b.key && !m.isDraft)
      .map((m) => ({
        ...base(
          m.key,
          m.meetingType === 'CALL_LOG' ? 'CALL_LOGS' : 'MEETING_NOTES',
          m.startTimestamp,
          m.creatorKey,
        ),
        meeting: meetingView(ctx.store, m),
      })),
    ...b.history.map((h, i) => ({
      ...base(
        `${b.key}-h${i}`,
        h.type === 'EDIT' ? 'NEWSFEED_BOX_EDIT' : 'NEWSFEED_BOX_CREATION_MOVE',
        h.timestamp,
        h.userKey,
      ),
      operation: h.type,
      description: h.detail,
    })),
  ];
}

/** `filters` arrives as the bracketed list string `[A,B]` (what the live API takes), a comma list, or repeated. */
function parseFilters(r: Req): string[] {
  const raw = qAll(r.query, 'filters')
    .flatMap((v) => v.replace(/^\[|\]$/g, '').split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = raw.find((f) => !FILTERS.includes(f));
  if (bad) throw badRequest(`Invalid timeline filter: ${bad}`);
  return raw.length ? raw : FILTERS;
}

/** What a `nextPage` token carries: the original query plus the offset reached. */
const pageState = z.object({
  filters: z.array(z.enum(FILTERS as [string, ...string[]])),
  asc: z.boolean(),
  start: z.number().int().nullable(),
  limit: z.number().int().min(1).max(500),
  offset: z.number().int().min(0),
});
type PageState = z.infer<typeof pageState>;

function timeline(ctx: Ctx, r: Req) {
  const b = boxFor(ctx, r.userKey, r.params.boxKey);
  const token = q(r.query, 'nextPageToken');
  let opts: PageState;
  if (token) {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    } catch {
      throw badRequest('Invalid nextPageToken');
    }
    const parsed = pageState.safeParse(decoded);
    if (!parsed.success) throw badRequest('Invalid nextPageToken');
    opts = parsed.data;
  } else {
    const direction = q(r.query, 'direction') ?? 'Descending';
    if (direction !== 'Descending' && direction !== 'Ascending')
      throw badRequest(`Invalid direction: ${direction}`);
    const start = q(r.query, 'startTimestamp');
    opts = {
      filters: parseFilters(r),
      asc: direction === 'Ascending',
      start:
        start === undefined
          ? null
          : qInt(r.query, 'startTimestamp', 0, { min: 0, max: Number.MAX_SAFE_INTEGER }),
      limit: qInt(r.query, 'limit', 50, { min: 1, max: 500 }),
      offset: 0,
    };
  }
  const entries = entriesOf(ctx, b)
    .filter(
      (e) =>
        opts.filters.includes(e.entryType) &&
        (opts.start === null || (opts.asc ? e.timestamp >= opts.start : e.timestamp <= opts.start)),
    )
    .sort((x, y) => (opts.asc ? 1 : -1) * (x.timestamp - y.timestamp));
  const page = entries.slice(opts.offset, opts.offset + opts.limit);
  const more = opts.offset + opts.limit < entries.length;
  return {
    entries: page,
    ...(more
      ? {
          nextPage: Buffer.from(JSON.stringify({ ...opts, offset: opts.offset + opts.limit })).toString(
            'base64url',
          ),
        }
      : {}),
  };
}

function newsfeed(ctx: Ctx, boxes: BoxRec[]) {
  const items = boxes.flatMap((b) => {
    const p = ctx.store.state.pipelines[b.pipelineKey];
    return b.history.map((h, i) => ({
      newsfeedItemKey: `${b.key}-h${i}`,
      key: `${b.key}-h${i}`,
      boxKey: b.key,
      pipelineKey: b.pipelineKey,
      creatorKey: h.userKey,
      timestamp: h.timestamp,
      lastSavedTimestamp: h.timestamp,
      newsfeedEntryScope: 'BOX',
      newsfeedEntryOperation: h.type,
      newsfeedEntrySpecific: h.type === 'MOVE' ? 'STAGE' : h.type === 'EDIT' ? 'FIELD' : 'CREATE',
      storyTextBox: h.detail,
      storyTextPipeline: `${b.name}: ${h.detail}`,
      storyTextGlobal: `${b.name} (${p?.name ?? ''}): ${h.detail}`,
      specificVariables: {
        BOX_NAME: b.name,
        PIPELINE_NAME: p?.name ?? '',
        STAGE_KEY: b.stageKey,
        STORY_AUTHOR_DISPLAY_NAME: ctx.store.state.users[h.userKey]?.givenName ?? '',
      },
      collapsedEntries: [],
      moved: h.type === 'MOVE',
    }));
  });
  return items.sort((a, b) => b.timestamp - a.timestamp).slice(0, 50);
}

export function registerTimeline(api: Api, ctx: Ctx): void {
  const boxes = () => Object.values(ctx.store.state.boxes);
  api.get('/v2/boxes/:boxKey/timeline', (r) => timeline(ctx, r));
  api.get('/v1/boxes/:boxKey/newsfeed', (r) => newsfeed(ctx, [boxFor(ctx, r.userKey, r.params.boxKey)]));
  api.get('/v1/pipelines/:pipelineKey/newsfeed', (r) => {
    const p = pipelineFor(ctx, r.userKey, r.params.pipelineKey);
    return newsfeed(
      ctx,
      boxes().filter((b) => b.pipelineKey === p.key),
    );
  });
  api.get('/v1/newsfeed', (r) => {
    const visible = new Set(visiblePipelines(ctx, r.userKey).map((p) => p.key));
    return newsfeed(
      ctx,
      boxes().filter((b) => visible.has(b.pipelineKey)),
    );
  });
}
