// Order lines typed into a CRM text field, one per line: "WIDGET-100 x 3 @ 12.50" or "3 x WIDGET-100 @ $12.50".
import { fail } from '../context';
import { T } from '../types';
import { defineFunctions, p, text } from './define';
import { roundTo } from './numbers';

const QTY = '(\\d+(?:\\.\\d+)?)';
const PRICE = '(?:\\s*@\\s*\\$?\\s*(\\d[\\d,]*(?:\\.\\d+)?))?';
const TIMES = '\\s*[xX×*]\\s*';
const CODE_FIRST = new RegExp(`^([A-Za-z0-9][\\w./-]*)${TIMES}${QTY}${PRICE}$`);
const QTY_FIRST = new RegExp(`^${QTY}${TIMES}([A-Za-z0-9][\\w./-]*)${PRICE}$`);
const MAX_LINES = 1000;

export interface LineItem {
  itemCode: string;
  quantity: number;
  unitPrice: number | null;
  amount: number | null;
}

export function parseLineItems(src: string): LineItem[] {
  const lines = src.split(/\r?\n|;/);
  if (lines.length > MAX_LINES) fail(`parseLineItems: more than ${MAX_LINES} lines`);
  const items: LineItem[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim().replace(/^[-•*]\s+/, '');
    if (line === '') return;
    const a = CODE_FIRST.exec(line);
    const b = a ? null : QTY_FIRST.exec(line);
    if (!a && !b) fail(`parseLineItems: line ${i + 1} "${line.slice(0, 40)}" is not like "ITEM x 3 @ 12.50"`);
    const [code, qty] = a ? [a[1]!, a[2]!] : [b![2]!, b![1]!];
    const priceText = (a ?? b)![3];
    const quantity = Number(qty);
    const unitPrice = priceText === undefined ? null : Number(priceText.replace(/,/g, ''));
    items.push({ itemCode: code.toUpperCase(), quantity, unitPrice, amount: unitPrice === null ? null : roundTo(quantity * unitPrice, 2) });
  });
  return items;
}

export const lineItemFunctions = defineFunctions([
  {
    name: 'parseLineItems', category: 'list', description: 'Reads order lines like "WIDGET-100 x 3 @ 12.50" (one per line or separated by ";") into { itemCode, quantity, unitPrice, amount } records; a line that does not fit is an error naming it.',
    params: [p('text', T.string)], returns: T.array(T.object({ itemCode: T.string, quantity: T.number, unitPrice: T.optional(T.number), amount: T.optional(T.number) }, false)), nullSafe: true,
    impl: ([v]) => parseLineItems(text('parseLineItems', v)),
  },
]);
