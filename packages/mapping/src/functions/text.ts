// Text functions. None takes a regular expression: user-supplied patterns invite ReDoS and host-engine quirks.
import { T } from '../types';
import { checkTextSize, defineFunctions, int, p, text } from './define';
import { fail } from '../context';

const MAX_LENGTH = 10_000;
const S = T.string;
const N = T.number;

const length = (fn: string, v: unknown): number => {
  const n = int(fn, v);
  if (n < 0 || n > MAX_LENGTH) fail(`${fn}: length must be between 0 and ${MAX_LENGTH}, got ${n}`);
  return n;
};

// Word starts after whitespace, '-', '/' or an apostrophe ("Mary-Ann O'Neil"). A scan, not a regex with a
// callback: this runs for every name and city in a mapping.
const WORD_BREAKS = new Set([9, 10, 11, 12, 13, 32, 160, 45, 47, 39]);
function titleCase(s: string): string {
  const lower = s.toLowerCase();
  let out = '';
  let last = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code >= 97 && code <= 122 && (i === 0 || WORD_BREAKS.has(lower.charCodeAt(i - 1)))) {
      out += lower.slice(last, i) + String.fromCharCode(code - 32);
      last = i + 1;
    }
  }
  return out + lower.slice(last);
}

const unary = (name: string, description: string, f: (s: string) => string) =>
  ({ name, category: 'text' as const, description, params: [p('value', S)], returns: S, nullSafe: true, impl: ([v]: unknown[]) => f(text(name, v)) });

export const textFunctions = defineFunctions([
  unary('upper', 'Upper-cases text.', (s) => s.toUpperCase()),
  unary('lower', 'Lower-cases text.', (s) => s.toLowerCase()),
  unary('trim', 'Removes spaces at both ends.', (s) => s.trim()),
  unary('collapseSpaces', 'Trims and turns every run of whitespace into one space.', (s) => s.trim().split(/\s+/).filter(Boolean).join(' ')),
  unary('titleCase', 'Capitalises the first letter of each word and lower-cases the rest.', titleCase),
  unary('digits', 'Keeps only the digits 0-9 (phone numbers, ZIP codes).', (s) => s.replace(/[^0-9]/g, '')),
  unary('alphanumeric', 'Keeps only letters A-Z/a-z and digits.', (s) => s.replace(/[^A-Za-z0-9]/g, '')),
  {
    name: 'left', category: 'text', description: 'The first n characters.', params: [p('value', S), p('n', N)], returns: S, nullSafe: true,
    impl: ([v, n]) => text('left', v).slice(0, length('left', n)),
  },
  {
    name: 'right', category: 'text', description: 'The last n characters.', params: [p('value', S), p('n', N)], returns: S, nullSafe: true,
    impl: ([v, n]) => {
      const s = text('right', v);
      return s.slice(Math.max(0, s.length - length('right', n)));
    },
  },
  {
    name: 'substring', category: 'text', description: 'Characters from start (0-based) up to, not including, end.', params: [p('value', S), p('start', N), p('end', N, { optional: true })], returns: S, nullSafe: true,
    impl: ([v, a, b]) => text('substring', v).slice(length('substring', a), b === undefined || b === null ? undefined : length('substring', b)),
  },
  {
    name: 'padStart', category: 'text', description: 'Pads on the left to a length (default fill "0").', params: [p('value', S), p('length', N), p('fill', S, { optional: true })], returns: S, nullSafe: true,
    impl: ([v, n, f]) => text('padStart', v).padStart(length('padStart', n), f === undefined || f === null ? '0' : text('padStart', f)),
  },
  {
    name: 'padEnd', category: 'text', description: 'Pads on the right to a length (default fill " ").', params: [p('value', S), p('length', N), p('fill', S, { optional: true })], returns: S, nullSafe: true,
    impl: ([v, n, f]) => text('padEnd', v).padEnd(length('padEnd', n), f === undefined || f === null ? ' ' : text('padEnd', f)),
  },
  {
    name: 'replace', category: 'text', description: 'Replaces every occurrence of a literal text (no patterns).', params: [p('value', S), p('find', S), p('with', S)], returns: S, nullSafe: true,
    impl: ([v, f, w]) => {
      const find = text('replace', f);
      if (find === '') fail('replace: the text to find is empty');
      const parts = text('replace', v).split(find);
      const by = text('replace', w);
      checkTextSize('replace', parts.reduce((n, part) => n + part.length, 0) + (parts.length - 1) * by.length);
      return parts.join(by);
    },
  },
  {
    name: 'split', category: 'text', description: 'Splits text at a separator into a list.', params: [p('value', S), p('separator', S)], returns: T.array(S), nullSafe: true,
    impl: ([v, sep]) => text('split', v).split(text('split', sep)),
  },
  {
    name: 'concat', category: 'text', description: 'Joins values as text; nulls are skipped.', params: [p('values', T.any, { rest: true })], returns: S,
    impl: (args) => {
      let out = '';
      for (const a of args) if (a !== null) out += text('concat', a);
      return out;
    },
  },
  {
    name: 'contains', category: 'text', description: 'Whether text contains another text.', params: [p('value', S), p('part', S)], returns: T.boolean,
    impl: ([v, s]) => v !== null && text('contains', v).includes(text('contains', s)),
  },
  {
    name: 'startsWith', category: 'text', description: 'Whether text starts with another text.', params: [p('value', S), p('prefix', S)], returns: T.boolean,
    impl: ([v, s]) => v !== null && text('startsWith', v).startsWith(text('startsWith', s)),
  },
  {
    name: 'endsWith', category: 'text', description: 'Whether text ends with another text.', params: [p('value', S), p('suffix', S)], returns: T.boolean,
    impl: ([v, s]) => v !== null && text('endsWith', v).endsWith(text('endsWith', s)),
  },
  {
    name: 'string', category: 'text', description: 'Turns a number or boolean into text.', params: [p('value', T.any)], returns: S, nullSafe: true,
    impl: ([v]) => text('string', v),
  },
]);
