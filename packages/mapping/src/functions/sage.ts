// Sage 100 key and flag formats (see shared/reference/sage100.md, "Keys and numbering").
import { fail } from '../context';
import { T } from '../types';
import { defineFunctions, p, text } from './define';
import { parseBoolean } from './lists';

/** Upper-case, letters and digits only; numeric-only numbers zero-padded to 7; at most 20 characters. */
export function sageCustomerNo(v: unknown): string {
  const s = text('sageCustomerNo', v).toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (s === '') fail(`sageCustomerNo: "${text('sageCustomerNo', v).slice(0, 40)}" has no letters or digits`);
  if (s.length > 20) fail(`sageCustomerNo: "${s}" is longer than Sage's 20 characters`);
  return /^\d+$/.test(s) ? s.padStart(7, '0') : s;
}

export function sageDivisionNo(v: unknown): string {
  const s = text('sageDivisionNo', v).trim();
  if (!/^\d{1,2}$/.test(s)) fail(`sageDivisionNo: "${s.slice(0, 40)}" is not a division number (1 or 2 digits)`);
  return s.padStart(2, '0');
}

export const sageFunctions = defineFunctions([
  { name: 'sageCustomerNo', category: 'sage', description: 'Normalises a Sage 100 customer number: upper-case, letters and digits only, numeric values zero-padded to 7, at most 20.', params: [p('value', T.string)], returns: T.string, nullSafe: true, impl: ([v]) => sageCustomerNo(v) },
  { name: 'sageDivisionNo', category: 'sage', description: 'Normalises an AR division number to two digits: "1" → "01".', params: [p('value', T.string)], returns: T.string, nullSafe: true, impl: ([v]) => sageDivisionNo(v) },
  {
    name: 'sageCustomerKey', category: 'sage', description: 'Splits a display key "01-ABC123" (or a bare customer number, with the default division, "01" unless given) into { ARDivisionNo, CustomerNo }.', params: [p('key', T.string), p('defaultDivision', T.string, { optional: true })], returns: T.object({ ARDivisionNo: T.string, CustomerNo: T.string }, false), nullSafe: true,
    impl: ([v, d]) => {
      const s = text('sageCustomerKey', v).trim();
      const m = /^(\d{1,2})\s*-\s*(.+)$/.exec(s);
      return { ARDivisionNo: sageDivisionNo(m ? m[1] : (d ?? '01')), CustomerNo: sageCustomerNo(m ? m[2] : s) };
    },
  },
  {
    name: 'sageOrderNo', category: 'sage', description: 'Normalises a sales order number: upper-case, numeric values zero-padded to 7, at most 7 characters.', params: [p('value', T.string)], returns: T.string, nullSafe: true,
    impl: ([v]) => {
      const s = text('sageOrderNo', v).trim().toUpperCase();
      if (s === '' || s.length > 7 || !/^[A-Z0-9-]+$/.test(s)) fail(`sageOrderNo: "${s.slice(0, 40)}" is not a 1–7 character order number`);
      return /^\d+$/.test(s) ? s.padStart(7, '0') : s;
    },
  },
  { name: 'yesNo', category: 'sage', description: 'A yes/no value as Sage\'s one-letter flag "Y" or "N".', params: [p('value', T.any)], returns: T.string, nullSafe: true, impl: ([v]) => (parseBoolean(v) ? 'Y' : 'N') },
]);
