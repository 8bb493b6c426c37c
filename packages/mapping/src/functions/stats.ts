// Simple, explainable statistics for checks a person must understand ("5× this customer's median order").
import { T } from '../types';
import { defineFunctions, list, num, p } from './define';

export function median(args: unknown[]): number | null {
  const xs: number[] = [];
  for (const a of args) for (const x of Array.isArray(a) ? list('median', a) : [a]) if (x !== null && x !== undefined) xs.push(num('median', x));
  if (xs.length === 0) return null;
  xs.sort((a, b) => a - b);
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

export const statsFunctions = defineFunctions([
  {
    name: 'median', category: 'number', description: 'The middle number (the mean of the two middle ones for an even count); lists are flattened one level and nulls skipped; null if none.',
    params: [p('values', T.any, { rest: true })], returns: T.optional(T.number),
    impl: (args) => median(args),
  },
]);
