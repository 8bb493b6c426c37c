import { fail } from '../context';
import { T } from '../types';
import { decimalText, defineFunctions, describe, int, list, num, p } from './define';

const N = T.number;

// Every caller rounds to 0..10 places (checked where the places come from); a table saves Math.pow per call.
const POW10 = Array.from({ length: 11 }, (_, i) => 10 ** i);

/** Half away from zero at `decimals` places; toPrecision(15) absorbs binary noise so 1.005 → 1.01. */
export function roundTo(x: number, decimals: number): number {
  const m = POW10[decimals] ?? 10 ** decimals;
  let scaled = Math.abs(x) * m;
  // Only values within noise of a .5 tie need the (slow) precision correction.
  if (Math.abs((scaled % 1) - 0.5) < 1e-6) scaled = Number(scaled.toPrecision(15));
  const r = (Math.sign(x) * Math.round(scaled)) / m;
  return r === 0 ? 0 : r; // no -0
}

const places = (fn: string, v: unknown): number => {
  const d = v === undefined || v === null ? 0 : int(fn, v);
  if (d < 0 || d > 10) fail(`${fn}: decimals must be between 0 and 10, got ${d}`);
  return d;
};

/** Lenient reading of money-ish text: "$1,234.50", " 3 ", "(12.00)" for negatives. */
export function parseNumber(v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v !== 'string') return fail(`number: expected a number or numeric text, got ${describe(v)}`);
  // Plain numeric text ("12.50", " 3 ") is the common case and needs no pattern work.
  const plain = decimalText(v);
  if (plain !== undefined) return plain;
  let s = v.trim().replace(/[$,\s]/g, '');
  const negative = /^\(.*\)$/.test(s);
  if (negative) s = s.slice(1, -1);
  const n = decimalText(s) ?? fail(`number: "${v}" is not a number`);
  return negative ? -n : n;
}

/** Numbers of the arguments, lists flattened one level, nulls skipped. */
function numbers(fn: string, args: unknown[]): number[] {
  const out: number[] = [];
  for (const a of args) {
    if (!Array.isArray(a)) {
      if (a !== null) out.push(num(fn, a));
      continue;
    }
    for (const x of list(fn, a)) if (x !== null) out.push(num(fn, x));
  }
  return out;
}

export const numberFunctions = defineFunctions([
  { name: 'number', category: 'number', description: 'Reads a number from text like "$1,234.50" or "(12.00)".', params: [p('value', T.any)], returns: N, nullSafe: true, impl: ([v]) => parseNumber(v) },
  {
    name: 'round', category: 'number', description: 'Rounds half away from zero to a number of decimals (default 0).', params: [p('value', N), p('decimals', N, { optional: true })], returns: N, nullSafe: true,
    impl: ([v, d]) => roundTo(num('round', v), places('round', d)),
  },
  { name: 'floor', category: 'number', description: 'Rounds down to a whole number.', params: [p('value', N)], returns: N, nullSafe: true, impl: ([v]) => Math.floor(num('floor', v)) },
  { name: 'ceil', category: 'number', description: 'Rounds up to a whole number.', params: [p('value', N)], returns: N, nullSafe: true, impl: ([v]) => Math.ceil(num('ceil', v)) },
  { name: 'abs', category: 'number', description: 'The absolute value.', params: [p('value', N)], returns: N, nullSafe: true, impl: ([v]) => Math.abs(num('abs', v)) },
  {
    name: 'formatNumber', category: 'number', description: 'Fixed-decimal text, e.g. formatNumber(3.5, 2) = "3.50".', params: [p('value', N), p('decimals', N, { optional: true })], returns: T.string, nullSafe: true,
    impl: ([v, d]) => {
      const places_ = places('formatNumber', d);
      return roundTo(num('formatNumber', v), places_).toFixed(places_);
    },
  },
  {
    name: 'sum', category: 'number', description: 'Adds numbers; lists are flattened one level and nulls skipped.', params: [p('values', T.any, { rest: true })], returns: N,
    impl: (args) => {
      let total = 0;
      for (const n of numbers('sum', args)) total += n;
      return roundTo(total, 10);
    },
  },
  {
    name: 'min', category: 'number', description: 'The smallest number (lists flattened, nulls skipped); null if none.', params: [p('values', T.any, { rest: true })], returns: T.optional(N),
    impl: (args) => {
      const ns = numbers('min', args);
      return ns.length ? Math.min(...ns) : null;
    },
  },
  {
    name: 'max', category: 'number', description: 'The largest number (lists flattened, nulls skipped); null if none.', params: [p('values', T.any, { rest: true })], returns: T.optional(N),
    impl: (args) => {
      const ns = numbers('max', args);
      return ns.length ? Math.max(...ns) : null;
    },
  },
  {
    name: 'multiply', category: 'number', description: 'Multiplies each number of a list by the matching number of another (quantity × price per line).', params: [p('a', T.array(N)), p('b', T.array(N))], returns: T.array(N),
    impl: ([a, b]) => {
      const x = list('multiply', a);
      const y = list('multiply', b);
      if (x.length !== y.length) fail(`multiply: lists differ in length (${x.length} and ${y.length})`);
      const out = new Array<number>(x.length);
      for (let i = 0; i < x.length; i++) out[i] = roundTo(num('multiply', x[i]) * num('multiply', y[i]), 10);
      return out;
    },
  },
]);
