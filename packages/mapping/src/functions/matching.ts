// Matching records across systems (a Streak organization against Sage 100 customers) and validation with a
// message a person can act on. Plain scans and word tables: no patterns come from users.
import { fail } from '../context';
import { nonNull, T } from '../types';
import { defineFunctions, p, text } from './define';

/** Words that say what kind of company it is, not which one: "Acme Inc" and "ACME" are the same customer. */
const LEGAL_WORDS = new Set(['inc', 'incorporated', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'plc', 'lp', 'llp', 'the']);
/** Abbreviations ERP clerks use in short name fields, spelled out. */
const ABBREVIATIONS: Record<string, string> = { mfg: 'manufacturing', constr: 'construction', grp: 'group', intl: 'international', svc: 'service', svcs: 'services', mtn: 'mountain', dist: 'distribution', natl: 'national', assoc: 'associates', bros: 'brothers' };

/** Lower-case words of letters and digits; "&" reads as "and", so "R & S" and "R and S" agree. */
function words(s: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of s.toLowerCase()) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) word += ch;
    else if (ch === "'" || ch === '.') continue; // "O'Neil", "Constr." stay one word
    else {
      if (word) out.push(word);
      if (ch === '&') out.push('and');
      word = '';
    }
  }
  if (word) out.push(word);
  return out;
}

/** Nothing a person filled in: null, blank text or an empty list. */
const missing = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

export function companyNameKey(name: string): string {
  const kept = words(name)
    .map((w) => ABBREVIATIONS[w] ?? w)
    .filter((w) => !LEGAL_WORDS.has(w));
  // Run-together spellings ("North Wind" / "Northwind") compare equal once spaces are gone.
  return kept.join('');
}

export const matchingFunctions = defineFunctions([
  {
    name: 'companyNameKey', category: 'text', description: 'A company name as a comparison key: lower-case letters and digits, "&" as "and", legal words (Inc, LLC, Corp, Co…) dropped and clerk abbreviations (Mfg, Constr, Grp…) spelled out, spaces removed. "ACME INDUSTRIAL SUPPLY INC" and "Acme Industrial Supply" give the same key.',
    params: [p('name', T.string)], returns: T.string, nullSafe: true,
    impl: ([v]) => companyNameKey(text('companyNameKey', v)),
  },
  {
    name: 'required', category: 'logic', description: 'The value; when it is null, empty text or an empty list, the field fails with the given message (say which source field to fill, e.g. "Fill in the Streak field PO reference").',
    params: [p('value', T.any), p('message', T.string)], returns: T.any,
    infer: ([v]) => nonNull(v ?? T.any),
    impl: ([v, message]) => (missing(v) ? fail(text('required', message)) : v),
  },
]);
