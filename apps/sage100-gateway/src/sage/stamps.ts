// Reading rows by audit stamp: DateUpdated (YYYYMMDD) + TimeUpdated (decimal hours), server-local time.
import { millisToLocalIso, stampMillis, stampOf, type Row } from '@conduit/sage100-boi';
import type { GatewayContext } from '../context';
import { GatewayError } from '../http/errors';

export const rowStamp = (row: Row): number => stampMillis(String(row.DateUpdated ?? ''), String(row.TimeUpdated ?? ''));

/**
 * `since` as server-local milliseconds. Text with a zone (Z, +02:00) is an instant and is moved into the
 * Sage server's zone; text without one is already server-local wall-clock time.
 */
export function parseSince(ctx: GatewayContext, since: string): number {
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(since);
  const ms = Date.parse(hasZone ? since : `${since.length === 10 ? `${since}T00:00:00` : since}Z`);
  if (Number.isNaN(ms)) throw new GatewayError('VALIDATION_FAILED', `since must be an ISO date or date-time, got ${since}.`, { status: 400, field: 'since' });
  const serverOffset = ctx.config.provider.serverNow().getTime() - Date.now();
  return hasZone ? ms + Math.round(serverOffset / 60_000) * 60_000 : ms;
}

/** Rows stamped at or after `fromMs`, oldest first (ties in key order). */
export async function stampedSince(ctx: GatewayContext, co: string, table: string, fromMs: number, where?: Row): Promise<Row[]> {
  if (!ctx.table(co, table).stamped) throw new GatewayError('VALIDATION_FAILED', `${table} has no DateUpdated/TimeUpdated; read it with /keys and /rows.`, { status: 400 });
  const day = stampOf(new Date(fromMs)).date;
  const rows = await ctx.reader(co).select({ table, updatedSince: day, ...(where ? { where } : {}) });
  return rows
    .map((row) => ({ row, at: rowStamp(row) }))
    .filter((r) => r.at >= fromMs)
    .sort((a, b) => a.at - b.at)
    .map((r) => r.row);
}

export const localIso = millisToLocalIso;

/**
 * A row's stamp to the millisecond (server-local, no zone). TimeUpdated resolves to 36 ms (five decimals of an
 * hour); cut to the second, two writes to one row within a second looked like one change to a consumer that
 * keys events by row + stamp, and the later write was dropped as a duplicate.
 */
export const stampIso = (ms: number): string => new Date(ms).toISOString().slice(0, 23);
