// Sage 100 value encodings as they cross the BOI surface: YYYYMMDD dates, decimal-hour times, Y/N flags.

/** ProvideX SEP (0x8A); arrives through COM as U+0160, which is what callers split on. */
export const SEP = '\u0160';

export function round(value: number, scale: number): number {
  const f = 10 ** scale;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * f) / f;
}

export function isYmd(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(4, 6));
  const d = Number(value.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYYMMDD` → `YYYY-MM-DD`; blank stays blank (ProvideX has no NULL). */
export function ymdToIso(value: string): string {
  return value ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : '';
}

export function isoToYmd(value: string): string {
  return value.replaceAll('-', '');
}

/** The wall-clock fields of `local` (already shifted to the Sage server's zone) as Sage stamps them. */
export function stampOf(local: Date): { date: string; time: string } {
  const date = local.toISOString().slice(0, 10).replaceAll('-', '');
  const hours = local.getUTCHours() + local.getUTCMinutes() / 60 + (local.getUTCSeconds() + local.getUTCMilliseconds() / 1000) / 3600;
  return { date, time: hours.toFixed(5) };
}

/** A (DateUpdated, TimeUpdated) pair as milliseconds of server-local naive time, for ordering and overlap maths. */
export function stampMillis(date: string, time: string): number {
  if (!isYmd(date)) return Number.NaN;
  const base = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
  return base + Math.round(Number(time || 0) * 3_600_000);
}

/** Inverse of stampMillis: server-local naive ISO text (`2026-11-25T14:31:39`). */
export function millisToLocalIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export function addDaysYmd(ymd: string, days: number): string {
  const ms = stampMillis(ymd, '0') + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}
