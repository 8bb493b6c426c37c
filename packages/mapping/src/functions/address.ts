// Address standardisation for Sage 100: two-letter states, ZIP/ZIP+4, country codes, and long
// address text split into lines of Sage's column length (AddressLine1..3 are 30 characters in most installs).
import { fail } from '../context';
import { T } from '../types';
import { defineFunctions, describe, int, p, text } from './define';
import { findCountry } from './countries';

const STATES = `AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|DE Delaware|DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming|AS American Samoa|GU Guam|MP Northern Mariana Islands|PR Puerto Rico|VI Virgin Islands|UM United States Minor Outlying Islands|AA Armed Forces Americas|AE Armed Forces Europe|AP Armed Forces Pacific`;
const STATE_ALIASES: Record<string, string> = { 'washington dc': 'DC', 'washington d c': 'DC', 'd c': 'DC', 'us virgin islands': 'VI', 'u s virgin islands': 'VI' };

const stateKey = (s: string) => s.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
const states = new Map<string, string>();
for (const entry of STATES.split('|')) {
  const code = entry.slice(0, 2);
  // Exact spellings too ("CA", "California"), so well-formed input needs no normalising.
  for (const key of [code, entry.slice(3)]) {
    states.set(key, code);
    states.set(stateKey(key), code);
  }
}
for (const [alias, code] of Object.entries(STATE_ALIASES)) states.set(alias, code);

const ZIP = /^(\d{5})(?:[-\s]?(\d{4}))?$/;

export function formatZip(v: string): string | undefined {
  const m = ZIP.exec(v.trim());
  if (!m) return undefined;
  return m[2] ? `${m[1]}-${m[2]}` : m[1];
}

/** Splits text into at most `lines` lines of at most `width` characters, breaking at spaces
 * (or hard inside a word longer than a line). Text that does not fit is an error, never cut silently.
 * The answer is shared with later calls (AddressLine1..3 are usually three calls on the same text): never mutate it. */
export function splitLines(fn: string, value: string, width: number, lines: number): readonly string[] {
  if (last.value === value && last.width === width && last.lines === lines) return last.result;
  const result = split(fn, value, width, lines);
  last.value = value;
  last.width = width;
  last.lines = lines;
  last.result = result;
  return result;
}

const last: { value?: string; width?: number; lines?: number; result: readonly string[] } = { result: [] };

/** Text that is already one line: no longer than a line, printable ASCII words separated by single spaces. */
function isOneLine(s: string, width: number): boolean {
  if (s.length === 0 || s.length > width) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? i === 0 || i === s.length - 1 || s.charCodeAt(i - 1) === 32 : c < 33 || c > 126) return false;
  }
  return true;
}

function split(fn: string, value: string, width: number, lines: number): string[] {
  if (isOneLine(value, width)) return [value];
  const flat = value.includes('\n') || value.includes('\r') ? value.replace(/\s*[\r\n]+\s*/g, ', ') : value;
  const out: string[] = [];
  let line = '';
  for (const word of flat.split(/\s+/)) {
    // A word longer than a line is cut into pieces of the line width.
    for (let at = 0; at < word.length; at += width) {
      const piece = word.length <= width ? word : word.slice(at, at + width);
      if (line === '') line = piece;
      else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
      else {
        out.push(line);
        line = piece;
      }
    }
  }
  if (line !== '') out.push(line);
  if (out.length > lines) fail(`${fn}: "${value.length > 40 ? `${value.slice(0, 40)}…` : value}" needs ${out.length} lines of ${width} characters but only ${lines} are available`);
  return out;
}

const between = (fn: string, name: string, v: unknown, fallback: number, max: number): number => {
  const n = v === undefined || v === null ? fallback : int(fn, v);
  if (n < 1 || n > max) fail(`${fn}: ${name} must be between 1 and ${max}, got ${n}`);
  return n;
};

export const addressFunctions = defineFunctions([
  {
    name: 'stateCode', category: 'address', description: 'US state or territory name (or code) to its two-letter USPS code: "California" → "CA".', params: [p('state', T.string)], returns: T.string, nullSafe: true,
    impl: ([v]) => {
      const s = text('stateCode', v);
      return states.get(s) ?? states.get(stateKey(s)) ?? fail(`stateCode: "${s.slice(0, 40)}" is not a US state or territory`);
    },
  },
  {
    name: 'isZip', category: 'address', description: 'Whether text is a US ZIP (12345) or ZIP+4 (12345-6789, 123456789).', params: [p('zip', T.string)], returns: T.boolean,
    impl: ([v]) => (typeof v === 'string' || typeof v === 'number') && formatZip(String(v)) !== undefined,
  },
  {
    name: 'zip', category: 'address', description: 'Formats a US ZIP as 12345 or 12345-6789; anything else is an error. Numbers keep leading zeros lost by spreadsheets when 4 digits.', params: [p('zip', T.string)], returns: T.string, nullSafe: true,
    impl: ([v]) => {
      const s = typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e9 ? String(v).padStart(v < 1e5 ? 5 : 9, '0') : text('zip', v);
      return formatZip(s) ?? fail(`zip: "${s.slice(0, 40)}" is not a US ZIP or ZIP+4`);
    },
  },
  {
    name: 'countryCode', category: 'address', description: 'Country name or code to ISO 3166 alpha-3 (Sage 100 CountryCode, "USA") or, with "alpha2", alpha-2 ("US").', params: [p('country', T.string), p('format', T.string, { optional: true })], returns: T.string, nullSafe: true,
    impl: ([v, f]) => {
      const format = f === undefined || f === null ? 'alpha3' : text('countryCode', f);
      if (format !== 'alpha2' && format !== 'alpha3') fail(`countryCode: format must be "alpha2" or "alpha3", got ${describe(f)}`);
      const c = findCountry(text('countryCode', v)) ?? fail(`countryCode: "${text('countryCode', v).slice(0, 40)}" is not a known country`);
      return c[format];
    },
  },
  {
    name: 'splitAddress', category: 'address', description: 'Splits address text into lines of at most width characters (default 30) at word breaks; error if more than maxLines (default 3) are needed.', params: [p('address', T.string), p('width', T.number, { optional: true }), p('maxLines', T.number, { optional: true })], returns: T.array(T.string), nullSafe: true,
    impl: ([v, w, n]) => splitLines('splitAddress', text('splitAddress', v), between('splitAddress', 'width', w, 30, 200), between('splitAddress', 'maxLines', n, 3, 20)).slice(),
  },
  {
    name: 'addressLine', category: 'address', description: 'Line n (1-based) of splitAddress(address, width, maxLines); null when the address is shorter.', params: [p('address', T.string), p('n', T.number), p('width', T.number, { optional: true }), p('maxLines', T.number, { optional: true })], returns: T.optional(T.string), nullSafe: true,
    impl: ([v, n, w, max]) => {
      const lines = splitLines('addressLine', text('addressLine', v), between('addressLine', 'width', w, 30, 200), between('addressLine', 'maxLines', max, 3, 20));
      return lines[between('addressLine', 'n', n, 1, 20) - 1] ?? null;
    },
  },
]);
