// Reading one-line postal addresses as CRMs hold them ("1200 Industrial Parkway, Suite 100, Cleveland, OH 44114")
// into parts that stateCode, zip and addressLine then standardise.
import { fail } from '../context';
import { T } from '../types';
import { defineFunctions, p, text } from './define';

/** "street…, city, ST 12345" (commas between parts; the state and ZIP share the last part). */
export function parseAddress(value: string): { street: string; city: string; state: string; zip: string } {
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
  const last = parts.pop() ?? '';
  const space = last.lastIndexOf(' ');
  const city = parts.pop();
  if (!city || parts.length === 0 || space < 0) fail(`parseAddress: "${value.slice(0, 60)}" is not "street, city, state ZIP"`);
  return { street: parts.join(', '), city, state: last.slice(0, space).trim(), zip: last.slice(space + 1) };
}

export const postalFunctions = defineFunctions([
  {
    name: 'parseAddress', category: 'address', description: 'Splits a one-line US address "street, city, state ZIP" into { street, city, state, zip } (text as written; standardise with stateCode, zip and addressLine).',
    params: [p('address', T.string)], returns: T.object({ street: T.string, city: T.string, state: T.string, zip: T.string }, false), nullSafe: true,
    impl: ([v]) => parseAddress(text('parseAddress', v)),
  },
]);
