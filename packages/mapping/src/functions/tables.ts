// Value tables (status mapping, code translation) and currency conversion. Rates and named tables
// come from the evaluation context, so a run uses the rates pinned when it started.
import { readProperty } from '../access';
import { fail } from '../context';
import { T } from '../types';
import { defineFunctions, describe, int, num, p, record, text } from './define';
import { roundTo } from './numbers';

const MISSING = Symbol('missing');

/** Exact key first, then a trimmed, case-insensitive match ("Closed Won" finds "closed won"); MISSING when neither. */
function find(table: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(table, key)) return readProperty(table, key);
  const wanted = key.trim().toLowerCase();
  for (const k of Object.keys(table)) if (k.trim().toLowerCase() === wanted) return readProperty(table, k);
  return MISSING;
}

/** `args` are the call's arguments: the value, the table (or its name) and, if given, the default.
 * `tableName` names a context table in messages; inline tables are "the table". */
function mapThrough(fn: string, table: Record<string, unknown>, args: unknown[], tableName?: string): unknown {
  const v = args[0];
  const hasFallback = args.length >= 3;
  if (v === null) return hasFallback ? args[2] : null;
  const key = text(fn, v);
  const hit = find(table, key);
  if (hit !== MISSING) return hit;
  if (hasFallback) return args[2];
  return fail(`${fn}: no entry for "${key.slice(0, 40)}" in ${tableName === undefined ? 'the table' : `table "${tableName}"`} and no default given`);
}

function rate(ctx: { base: string; rates: Record<string, number> }, code: string): number {
  if (code === ctx.base) return 1;
  const r = Object.hasOwn(ctx.rates, code) ? ctx.rates[code] : undefined;
  if (typeof r !== 'number' || !Number.isFinite(r) || r <= 0) return fail(`convertCurrency: no rate for ${code} in the rates table`);
  return r;
}

const upperLetter = (s: string, i: number): boolean => s.charCodeAt(i) >= 65 && s.charCodeAt(i) <= 90;

const currency = (v: unknown): string => {
  // Codes are nearly always written "EUR" already: no trimming, case mapping or pattern work for those.
  if (typeof v === 'string' && v.length === 3 && upperLetter(v, 0) && upperLetter(v, 1) && upperLetter(v, 2)) return v;
  const c = text('convertCurrency', v).trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c)) fail(`convertCurrency: ${describe(v)} is not a three-letter currency code`);
  return c;
};

export const tableFunctions = defineFunctions([
  {
    name: 'mapValue', category: 'table', description: 'Translates a value through a table written in the expression: mapValue(stage, {"Won": "A", "Lost": "I"}, "P"). Without a default, a missing entry is an error.', params: [p('value', T.any), p('table', T.object()), p('default', T.any, { optional: true })], returns: T.any,
    impl: (args) => mapThrough('mapValue', record('mapValue', args[1]), args),
  },
  {
    name: 'lookup', category: 'table', description: 'Translates a value through a named table from the context: lookup(days, "terms", "00"). Without a default, a missing entry is an error.', params: [p('value', T.any), p('table', T.string), p('default', T.any, { optional: true })], returns: T.any,
    impl: (args, ctx) => {
      const n = text('lookup', args[1]);
      const table = ctx.tables && Object.hasOwn(ctx.tables, n) ? ctx.tables[n] : fail(`lookup: there is no table named "${n.slice(0, 40)}"`);
      return mapThrough('lookup', record('lookup', table), args, n);
    },
  },
  {
    name: 'convertCurrency', category: 'currency', description: 'Converts an amount between currencies with the rates table in the context, rounded to decimals (default 2).', params: [p('amount', T.number), p('from', T.string), p('to', T.string), p('decimals', T.number, { optional: true })], returns: T.number, nullSafe: true,
    impl: ([amount, from, to, d], ctx) => {
      const rates = ctx.rates ?? fail('convertCurrency: the host passed no currency rates in the context');
      const decimals = d === undefined || d === null ? 2 : int('convertCurrency', d);
      if (decimals < 0 || decimals > 10) fail(`convertCurrency: decimals must be between 0 and 10, got ${decimals}`);
      return roundTo((num('convertCurrency', amount) / rate(rates, currency(from))) * rate(rates, currency(to)), decimals);
    },
  },
]);
