// The schedule trigger's cron, read the way Temporal's Schedules read it: the flow validator's message that
// names the bad field, and the inspector's next fire times in the trigger's time zone. Temporal stays the
// authority (it refuses at deploy what it cannot run). As in Temporal, and unlike classic cron, a day
// of the month and a weekday that are both given must both match.

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of the month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  // 7 is Sunday too.
  { name: 'weekday', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

export interface Cron {
  minutes: number[];
  hours: number[];
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
}

export type CronParse = { ok: true; cron: Cron } | { ok: false; error: string };

function value(text: string, f: FieldSpec): number {
  const named = f.names?.indexOf(text.toUpperCase()) ?? -1;
  // Month names count from 1 (JAN), weekday names from 0 (SUN): each field's lowest value.
  if (named >= 0) return named + f.min;
  if (!/^\d+$/.test(text)) throw new Error(`the ${f.name} field has '${text}', which is not a number${f.names ? ` or a name like ${f.names[1]}` : ''}`);
  const n = Number(text);
  if (n < f.min || n > f.max) throw new Error(`the ${f.name} must be ${f.min}-${f.max}, not ${n}`);
  return n;
}

/** One field (`*`, `5`, `1-5`, `*\/15`, `10-40/10`, `MON-FRI`, lists of those) as the values it allows. */
function field(text: string, f: FieldSpec): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText, extra] = part.split('/');
    if (extra !== undefined || range === '') throw new Error(`the ${f.name} field has '${part}', which is not a value, range or step`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`the ${f.name} field has step '${stepText}'; use a whole number from 1`);
    const [from, to] = range === '*' ? [f.min, f.max] : range.split('-').map((v) => value(v, f));
    if (from === undefined || range.split('-').length > 2) throw new Error(`the ${f.name} field has '${part}', which is not a value, range or step`);
    const end = to ?? (stepText === undefined ? from : f.max);
    if (end < from) throw new Error(`the ${f.name} range '${range}' runs backwards`);
    for (let v = from; v <= end; v += step) out.add(f.name === 'weekday' ? v % 7 : v);
  }
  return out;
}

export function parseCron(expression: string): CronParse {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) return { ok: false, error: 'cron needs five fields: minute hour day month weekday (e.g. 0 7 * * 1-5)' };
  try {
    const [minutes, hours, days, months, weekdays] = parts.map((p, i) => field(p, FIELDS[i]!)) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
    const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
    return { ok: true, cron: { minutes: sorted(minutes), hours: sorted(hours), days, months, weekdays } };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in the zone at an instant, as if it were UTC (so the difference is the zone's offset). */
function wallClock(at: number, timeZone: string): number {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The instant the zone's clocks show this wall time; undefined when they skip it (a DST gap). */
function instantOf(wall: number, timeZone: string): number | undefined {
  let at = wall - (wallClock(wall, timeZone) - wall);
  at = wall - (wallClock(at, timeZone) - at);
  return wallClock(at, timeZone) === wall ? at : undefined;
}

/** Up to `count` fire times after `from`, looking five years ahead (a Friday the 13th can be that rare). */
export function nextFireTimes(cron: Cron, options: { from: Date; count: number; timeZone?: string }): Date[] {
  const zone = options.timeZone || 'UTC';
  const start = new Date(wallClock(options.from.getTime(), zone));
  const out: Date[] = [];
  for (let d = 0; d < 5 * 366 && out.length < options.count; d++) {
    const day = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + d));
    if (!cron.days.has(day.getUTCDate()) || !cron.months.has(day.getUTCMonth() + 1) || !cron.weekdays.has(day.getUTCDay())) continue;
    for (const h of cron.hours) {
      for (const m of cron.minutes) {
        const at = instantOf(day.getTime() + (h * 60 + m) * 60_000, zone);
        if (at !== undefined && at > options.from.getTime() && out.length < options.count) out.push(new Date(at));
      }
    }
  }
  return out;
}
