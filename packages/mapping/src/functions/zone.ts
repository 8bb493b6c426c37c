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
const offsets = new Map<string, Map<number, number>>();
const MAX_CACHED_OFFSETS = 10_000;
let lastZone: string | undefined;
let lastOffsets: Map<number, number> | undefined;
const MINUTE = 60_000;
const DAY = 86_400_000;

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
  // Calls come in runs for one zone (the mapping's or the context's): skip the lookup by zone name for those.
  let byMinute = zone === lastZone ? lastOffsets : offsets.get(zone);
  if (!byMinute) offsets.set(zone, (byMinute = new Map()));
  lastZone = zone;
  lastOffsets = byMinute;
  const cached = byMinute.get(minute);
  if (cached !== undefined) return cached;
  const at = minute * MINUTE;
  const parts: Record<string, number> = {};
  for (const { type, value } of formatter(zone).formatToParts(at)) if (type !== 'literal') parts[type] = Number(value);
  const wall = utcOf({ year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second!, ms: 0 });
  const offset = wall - at;
  if (byMinute.size >= MAX_CACHED_OFFSETS) byMinute.clear();
  byMinute.set(minute, offset);
  return offset;
}

export function checkInstant(fn: string, ms: number): number {
  // ±8.64e15 is the Date range; keep to years 1..9999 so YYYYMMDD stays 8 digits.
  if (!Number.isFinite(ms) || ms < -62135596800000 || ms > 253402300799999) fail(`${fn}: ${ms} is outside the supported date range`);
  return ms;
}

export function toCivil(ms: number, zone: string): Civil {
  const local = ms + offsetAt(ms, zone);
  const days = Math.floor(local / DAY);
  const [year, month, day] = civilFromDays(days);
  let rest = local - days * DAY;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / MINUTE);
  rest -= minute * MINUTE;
  const second = Math.floor(rest / 1000);
  return { year, month, day, hour, minute, second, ms: rest - second * 1000 };
}

/** The instant when the wall clock in `zone` shows `c`: the earlier one when the clock shows it twice
 * (DST end), the later side when it never does (DST gap). */
export function fromCivil(c: Civil, zone: string): number {
  const wall = utcOf(c);
  const first = wall - offsetAt(wall, zone);
  const second = wall - offsetAt(first, zone);
  const firstValid = first + offsetAt(first, zone) === wall;
  if (second === first) return firstValid ? first : second;
  const secondValid = second + offsetAt(second, zone) === wall;
  if (firstValid && secondValid) return Math.min(first, second);
  return firstValid ? first : secondValid ? second : Math.max(first, second);
}

/** Epoch ms of a civil time read as UTC. Arithmetic, not Date: no allocation, and years 0..99 stay literal. */
export function utcOf(c: Civil): number {
  return daysFromCivil(c.year, c.month, c.day) * DAY + c.hour * 3_600_000 + c.minute * MINUTE + c.second * 1000 + c.ms;
}

// Proleptic Gregorian day counting (H. Hinnant, "chrono-compatible low-level date algorithms").
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - Math.floor((153 * mp + 2) / 5) + 1];
}

export function validCivilDate(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const [y, m, d] = civilFromDays(daysFromCivil(year, month, day));
  return y === year && m === month && d === day;
}
