// Dates are epoch milliseconds or Sage's YYYYMMDD text. There is no "now" function: the current time
// exists only as `$now`, passed by the host, so replaying a workflow gives the same answer.
import { type EvalContext, fail } from '../context';
import { T } from '../types';
import { defineFunctions, describe, int, num, p, text } from './define';
import { checkInstant, type Civil, civilFromDays, daysFromCivil, fromCivil, toCivil, validCivilDate } from './zone';

const zoneOf = (fn: string, z: unknown, ctx: EvalContext): string => (z === undefined || z === null ? (ctx.timeZone ?? 'UTC') : text(fn, z));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function civilDate(fn: string, year: number, month: number, day: number, src: string): Civil {
  if (!validCivilDate(year, month, day)) fail(`${fn}: "${src}" is not a valid date`);
  return { year, month, day, hour: 0, minute: 0, second: 0, ms: 0 };
}

/** Epoch ms from a number or text: ISO 8601, YYYYMMDD, or US MM/DD/YYYY. Times without an offset are read in `zone`. */
export function toInstant(fn: string, v: unknown, zone: string): number {
  if (typeof v === 'number') return checkInstant(fn, v);
  if (typeof v !== 'string') return fail(`${fn}: expected a date, got ${describe(v)}`);
  const s = v.trim();
  const iso = ISO.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, off] = iso;
    const c = civilDate(fn, Number(y), Number(mo), Number(d), s);
    Object.assign(c, { hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(sec ?? 0), ms: Number((frac ?? '').padEnd(3, '0')) });
    if (c.hour > 23 || c.minute > 59 || c.second > 59) fail(`${fn}: "${s}" is not a valid time`);
    if (!off) return checkInstant(fn, fromCivil(c, zone));
    return checkInstant(fn, fromCivil(c, 'UTC') - offsetMs(off));
  }
  const compact = COMPACT.exec(s);
  if (compact) return fromCivil(civilDate(fn, Number(compact[1]), Number(compact[2]), Number(compact[3]), s), zone);
  const us = US.exec(s);
  if (us) return fromCivil(civilDate(fn, Number(us[3]), Number(us[1]), Number(us[2]), s), zone);
  return fail(`${fn}: cannot read "${s.slice(0, 40)}" as a date (use YYYY-MM-DD, YYYYMMDD or MM/DD/YYYY)`);
}

function offsetMs(off: string): number {
  if (off === 'Z') return 0;
  const digits = off.replace(':', '');
  const sign = digits[0] === '-' ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
}

const TOKENS = /YYYY|YY|MM|M|DD|D|HH|mm|ss/g;
function format(c: Civil, pattern: string): string {
  if (pattern === 'YYYYMMDD') return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2);
  const values: Record<string, string> = {
    YYYY: pad(c.year, 4), YY: pad(c.year % 100, 2), MM: pad(c.month, 2), M: String(c.month), DD: pad(c.day, 2), D: String(c.day), HH: pad(c.hour, 2), mm: pad(c.minute, 2), ss: pad(c.second, 2),
  };
  return pattern.replace(TOKENS, (t) => values[t]!);
}

const DATE = T.union(T.number, T.string);
const zoneParam = p('timeZone', T.string, { optional: true });

export const dateFunctions = defineFunctions([
  {
    name: 'toSageDate', category: 'date', description: 'Date as Sage 100 YYYYMMDD text, on the calendar of the time zone (default: context zone, else UTC).', params: [p('date', DATE), zoneParam], returns: T.string, nullSafe: true,
    impl: ([v, z], ctx) => {
      const zone = zoneOf('toSageDate', z, ctx);
      return format(toCivil(toInstant('toSageDate', v, zone), zone), 'YYYYMMDD');
    },
  },
  {
    name: 'fromSageDate', category: 'date', description: 'Epoch ms of midnight of a YYYYMMDD date in the time zone.', params: [p('date', T.string), zoneParam], returns: T.number, nullSafe: true,
    impl: ([v, z], ctx) => {
      const s = text('fromSageDate', v).trim();
      const m = COMPACT.exec(s) ?? fail(`fromSageDate: "${s.slice(0, 40)}" is not YYYYMMDD`);
      return fromCivil(civilDate('fromSageDate', Number(m[1]), Number(m[2]), Number(m[3]), s), zoneOf('fromSageDate', z, ctx));
    },
  },
  {
    name: 'parseDate', category: 'date', description: 'Epoch ms from ISO 8601, YYYYMMDD or MM/DD/YYYY; times without an offset are read in the time zone.', params: [p('date', DATE), zoneParam], returns: T.number, nullSafe: true,
    impl: ([v, z], ctx) => toInstant('parseDate', v, zoneOf('parseDate', z, ctx)),
  },
  {
    name: 'formatDate', category: 'date', description: 'Formats a date with YYYY YY MM M DD D HH mm ss in the time zone.', params: [p('date', DATE), p('pattern', T.string), zoneParam], returns: T.string, nullSafe: true,
    impl: ([v, pattern, z], ctx) => {
      const zone = zoneOf('formatDate', z, ctx);
      return format(toCivil(toInstant('formatDate', v, zone), zone), text('formatDate', pattern));
    },
  },
  {
    name: 'addDays', category: 'date', description: 'Moves a date by whole calendar days in the time zone, keeping the wall-clock time.', params: [p('date', DATE), p('days', T.number), zoneParam], returns: T.number, nullSafe: true,
    impl: ([v, n, z], ctx) => {
      const zone = zoneOf('addDays', z, ctx);
      const days = int('addDays', n);
      if (Math.abs(days) > 3_700_000) fail(`addDays: ${days} days is outside the supported date range`);
      const c = toCivil(toInstant('addDays', v, zone), zone);
      const [year, month, day] = civilFromDays(daysFromCivil(c.year, c.month, c.day) + days);
      c.year = year;
      c.month = month;
      c.day = day;
      return checkInstant('addDays', fromCivil(c, zone));
    },
  },
  {
    name: 'startOfDay', category: 'date', description: 'Epoch ms of midnight of the same calendar day in the time zone.', params: [p('date', DATE), zoneParam], returns: T.number, nullSafe: true,
    impl: ([v, z], ctx) => {
      const zone = zoneOf('startOfDay', z, ctx);
      return fromCivil({ ...toCivil(toInstant('startOfDay', v, zone), zone), hour: 0, minute: 0, second: 0, ms: 0 }, zone);
    },
  },
  {
    name: 'daysBetween', category: 'date', description: 'Whole calendar days from one date to another in the time zone (negative if earlier).', params: [p('from', DATE), p('to', DATE), zoneParam], returns: T.number,
    impl: ([a, b, z], ctx) => {
      const zone = zoneOf('daysBetween', z, ctx);
      const day = (v: unknown) => {
        const c = toCivil(toInstant('daysBetween', v ?? fail('daysBetween: a date is null'), zone), zone);
        return daysFromCivil(c.year, c.month, c.day);
      };
      return day(b) - day(a);
    },
  },
  {
    name: 'epochSeconds', category: 'date', description: 'Epoch seconds (some APIs) to epoch ms.', params: [p('seconds', T.number)], returns: T.number, nullSafe: true,
    impl: ([v]) => checkInstant('epochSeconds', num('epochSeconds', v) * 1000),
  },
]);
