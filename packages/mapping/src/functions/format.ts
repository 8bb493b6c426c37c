// Text built from each element of a list: the expression language maps paths over lists (`lines[].sku`) but
// has no per-element expressions, so "one line per warehouse" style summaries need a template.
import { isPlainObject, readProperty } from '../access';
import { fail } from '../context';
import { T } from '../types';
import { defineFunctions, describe, list, p, text } from './define';

const PLACEHOLDER = /\{([A-Za-z0-9_$-]{1,64})\}/g;

function fill(fn: string, template: string, element: unknown, index: number): string {
  if (!isPlainObject(element)) {
    if (template.includes('{value}')) return template.replaceAll('{value}', element === null ? '' : text(fn, element));
    return fail(`${fn}: element ${index} is ${describe(element)}; only objects fill named placeholders (use {value} for plain values)`);
  }
  return template.replace(PLACEHOLDER, (_all, name: string) => {
    if (!Object.hasOwn(element, name)) return fail(`${fn}: element ${index} has no field "${name}"`);
    const v = readProperty(element, name);
    return v === null ? '' : text(fn, v);
  });
}

export const formatFunctions = defineFunctions([
  {
    name: 'formatEach', category: 'text',
    description: 'Fills {field} placeholders from each element of a list and joins the results with a separator (default ", "): formatEach(warehouses, "{warehouseCode}: {quantityAvailable}") = "000: 12, 001: 0". Plain values fill {value}.',
    params: [p('list', T.array()), p('template', T.string), p('separator', T.string, { optional: true })], returns: T.string, nullSafe: true,
    impl: ([items, template, separator]) => {
      const t = text('formatEach', template);
      const sep = separator === undefined || separator === null ? ', ' : text('formatEach', separator);
      return list('formatEach', items).map((e, i) => fill('formatEach', t, e, i)).join(sep);
    },
  },
]);
