// The change feed per table: a DateUpdated/TimeUpdated high-water mark, re-reading an overlap window (late
// commits, workstation clock skew, decimal-hour rounding) and de-duplicating what was already delivered by
// key + stamp. Stamp-less changes and deletes are invisible here: use /keys and /rows to reconcile.
import { createHash } from 'node:crypto';
import type { Row } from '@conduit/sage100-boi';
import { z } from 'zod';
import { GatewayError } from '../http/errors';
import { route } from '../http/route';
import { toApi } from '../sage/records';
import { localIso, parseSince, rowStamp, stampIso, stampedSince } from '../sage/stamps';
import { companyParams } from './common';
import { changesOut } from '../http/schemas';

interface Cursor {
  /** High-water mark, server-local ms. */
  hw: number;
  overlapMs: number;
  /** Delivered rows still inside the overlap window: stamp ms → key+stamp hashes. */
  seen: Record<string, string[]>;
}

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString()) as Cursor;
    if (typeof c.hw === 'number' && typeof c.overlapMs === 'number' && typeof c.seen === 'object') return c;
  } catch {
    // fall through to the error below
  }
  throw new GatewayError('VALIDATION_FAILED', 'cursor is not one this gateway issued.', { status: 400, field: 'cursor' });
}

const keyText = (row: Row, key: string[]) => key.map((k) => String(row[k] ?? '')).join('|');
const fingerprint = (row: Row, key: string[]) => createHash('sha1').update(`${keyText(row, key)}@${row.DateUpdated}${row.TimeUpdated}`).digest('base64url').slice(0, 12);

export const changeRoutes = [
  route({
    method: 'POST',
    path: '/v1/companies/:company/tables/:table/changes',
    summary: 'Change feed: rows stamped since a cursor (or `since`), with overlap and de-duplication. POST because cursors can be long.',
    response: changesOut,
    tag: 'sync',
    params: companyParams.extend({ table: z.string() }),
    body: z.strictObject({
      cursor: z.string().optional().describe('nextCursor from the previous call'),
      since: z.string().optional().describe('Start point when there is no cursor: ISO date/date-time; without a zone it is Sage server time'),
      overlapSeconds: z.number().int().min(0).max(86_400).default(900),
      limit: z.number().int().min(1).max(1000).default(500),
    }),
    handler: async ({ params, body }, ctx) => {
      const co = ctx.company(params.company);
      const info = ctx.table(co, params.table);
      const cursor: Cursor = body.cursor ? decode(body.cursor) : { hw: body.since ? parseSince(ctx, body.since) : 0, overlapMs: body.overlapSeconds * 1000, seen: {} };
      const seen = new Set(Object.values(cursor.seen).flat());
      const rows = (await stampedSince(ctx, co, info.name, cursor.hw - cursor.overlapMs)).filter((r) => !seen.has(fingerprint(r, info.key)));
      const batch = rows.slice(0, body.limit);
      const hw = batch.reduce((m, r) => Math.max(m, rowStamp(r)), cursor.hw);
      const window: Record<string, string[]> = {};
      for (const [at, hashes] of Object.entries(cursor.seen)) if (Number(at) >= hw - cursor.overlapMs) window[at] = [...hashes];
      for (const r of batch) (window[String(rowStamp(r))] ??= []).push(fingerprint(r, info.key));
      return {
        data: {
          table: info.name,
          items: batch.map((r) => ({ key: Object.fromEntries(info.key.map((k) => [k, r[k]])), keyText: keyText(r, info.key), stamp: stampIso(rowStamp(r)), record: toApi(r, info.columns) })),
          highWaterMark: localIso(hw),
          hasMore: rows.length > batch.length,
          nextCursor: encode({ hw, overlapMs: cursor.overlapMs, seen: window }),
        },
      };
    },
  }),
];
