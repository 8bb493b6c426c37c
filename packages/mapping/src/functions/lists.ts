import { isPlainObject } from '../access';
import { fail } from '../context';
import { T, type Type, union, nonNull } from '../types';
import { checkTextSize, defineFunctions, describe, list, p, text } from './define';

const blank = (v: unknown): boolean => v === null || v === undefined || v === '';
const elementType = (t: Type | undefined): Type => (t?.kind === 'array' ? t.items : T.any);

const YES: ReadonlySet<string> = new Set(['true', 'yes', 'y', '1', 'on', 'checked']);
const NO: ReadonlySet<string> = new Set(['false', 'no', 'n', '0', 'off', 'unchecked', '']);

export function parseBoolean(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (YES.has(s)) return true;
    if (NO.has(s)) return false;
  }
  return fail(`boolean: cannot read ${describe(v)} as yes/no`);
}

export const listFunctions = defineFunctions([
  {
    name: 'coalesce', category: 'logic', description: 'The first value that is neither null nor empty text.', params: [p('values', T.any, { rest: true })], returns: T.any,
    infer: (args) => union(args.map(nonNull)), impl: (args) => args.find((a) => !blank(a)) ?? null,
  },
  {
    name: 'default', category: 'logic', description: 'The value, or the fallback when it is null or empty text.', params: [p('value', T.any), p('fallback', T.any)], returns: T.any,
    infer: ([a, b]) => union([nonNull(a ?? T.any), b ?? T.any]), impl: ([v, d]) => (blank(v) ? d : v),
  },
  {
    name: 'isEmpty', category: 'logic', description: 'True for null, empty text, an empty list or an empty object.', params: [p('value', T.any)], returns: T.boolean,
    impl: ([v]) => blank(v) || (Array.isArray(v) && v.length === 0) || (isPlainObject(v) && Object.keys(v).length === 0),
  },
  { name: 'boolean', category: 'logic', description: 'Reads yes/no, true/false, 1/0, on/off, checked as a boolean.', params: [p('value', T.any)], returns: T.boolean, nullSafe: true, impl: ([v]) => parseBoolean(v) },
  {
    name: 'count', category: 'list', description: 'Number of elements of a list, or characters of a text.', params: [p('value', T.union(T.array(), T.string))], returns: T.number, nullSafe: true,
    impl: ([v]) => (typeof v === 'string' || Array.isArray(v) ? v.length : list('count', v).length),
  },
  { name: 'first', category: 'list', description: 'The first element, or null for an empty list.', params: [p('list', T.array())], returns: T.any, nullSafe: true, infer: ([t]) => T.optional(elementType(t)), impl: ([v]) => list('first', v)[0] ?? null },
  { name: 'last', category: 'list', description: 'The last element, or null for an empty list.', params: [p('list', T.array())], returns: T.any, nullSafe: true, infer: ([t]) => T.optional(elementType(t)), impl: ([v]) => list('last', v).at(-1) ?? null },
  {
    name: 'join', category: 'list', description: 'Joins list elements as text with a separator (default ", "); nulls skipped.', params: [p('list', T.array()), p('separator', T.string, { optional: true })], returns: T.string, nullSafe: true,
    impl: ([v, sep]) => {
      const parts = list('join', v).filter((x) => x !== null).map((x) => text('join', x));
      const by = sep === undefined || sep === null ? ', ' : text('join', sep);
      checkTextSize('join', parts.reduce((n, part) => n + part.length, 0) + Math.max(0, parts.length - 1) * by.length);
      return parts.join(by);
    },
  },
  {
    name: 'compact', category: 'list', description: 'Drops null and empty-text elements.', params: [p('list', T.array())], returns: T.array(), nullSafe: true,
    infer: ([t]) => T.array(nonNull(elementType(t))), impl: ([v]) => list('compact', v).filter((x) => !blank(x)),
  },
  {
    name: 'unique', category: 'list', description: 'Drops repeated text/number/boolean elements, keeping the first.', params: [p('list', T.array())], returns: T.array(), nullSafe: true,
    infer: ([t]) => T.array(elementType(t)), impl: ([v]) => [...new Set(list('unique', v))],
  },
  {
    name: 'flatten', category: 'list', description: 'Joins a list of lists into one list.', params: [p('list', T.array())], returns: T.array(), nullSafe: true,
    infer: ([t]) => T.array(elementType(elementType(t))), impl: ([v]) => list('flatten', v).flatMap((x) => (Array.isArray(x) ? list('flatten', x) : [x])),
  },
]);
