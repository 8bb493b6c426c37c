// Time-zone arithmetic on Intl only (no clock, no host tz): the same answer in a browser and in a
// Temporal workflow. Offsets are cached per zone and minute because formatToParts is slow.
import { fail } from '../context';

export interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const MAX_CACHED_OFFSETS = 10_000;
const MINUTE = 60_000;

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      return fail(`unknown time zone "${zone}"`);
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Milliseconds to add to UTC to get the wall-clock time in `zone` at instant `ms`. */
function offsetAt(ms: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const minute = Math.floor(ms / MINUTE);
  const key = `${zone}|${minute}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const at = minute * MINUTE;
  const parts: Record<string, number> = {};
  for (const { type, value } of formatter(zone).formatToParts(at)) if (type !== 'literal') parts[type] = Number(value);
  const wall = utcOf({ year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second!, ms: 0 });
  const offset = wall - at;
  if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

export function checkInstant(fn: string, ms: number): number {
  // ±8.64e15 is the Date range; keep to years 1..9999 so YYYYMMDD stays 8 digits.
  if (!Number.isFinite(ms) || ms < -62135596800000 || ms > 253402300799999) fail(`${fn}: ${ms} is outside the supported date range`);
  return ms;
}

export function toCivil(ms: number, zone: string): Civil {
  const d = new Date(ms + offsetAt(ms, zone));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: d.getUTCMilliseconds() };
}

/** The instant when the wall clock in `zone` shows `c`: the earlier one when the clock shows it twice
 * (DST end), the later side when it never does (DST gap). */
export function fromCivil(c: Civil, zone: string): number {
  const wall = utcOf(c);
  const first = wall - offsetAt(wall, zone);
  const second = wall - offsetAt(first, zone);
  const valid = [first, second].filter((t) => t + offsetAt(t, zone) === wall);
  return valid.length ? Math.min(...valid) : Math.max(first, second);
}

export function utcOf(c: Civil): number {
  const d = new Date(0);
  // setUTCFullYear keeps years 0..99 literal, which Date.UTC would shift to 1900..1999.
  d.setUTCFullYear(c.year, c.month - 1, c.day);
  d.setUTCHours(c.hour, c.minute, c.second, c.ms);
  return d.getTime();
}

export function validCivilDate(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
