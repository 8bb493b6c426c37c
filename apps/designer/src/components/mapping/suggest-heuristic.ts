// The built-in, offline suggester: matches sources to targets by words in their names (with a small
// lead-to-cash synonym list), checks types, and looks at sample values to pick a transform.
import type { SourceField, Suggestion, SuggestionProvider, SuggestionRequest, TargetField } from './suggest-types';

/** Words that mean the same thing in CRM and ERP field names. Each group maps to its first word. */
const SYNONYMS: string[][] = [
  ['customer', 'account', 'client', 'company', 'organization', 'org'],
  ['po', 'purchase', 'reference', 'ref'],
  ['quantity', 'qty', 'quantityordered', 'count'],
  ['item', 'sku', 'product', 'itemcode', 'part'],
  ['price', 'unitprice', 'rate', 'amount', 'value'],
  ['no', 'number', 'num', 'id', 'code', 'key'],
  ['date', 'day', 'close', 'timestamp'],
  ['email', 'emailaddress', 'mail'],
  ['phone', 'telephone', 'tel', 'telephoneno'],
  ['zip', 'zipcode', 'postal', 'postcode'],
  ['name', 'title'],
  ['comment', 'notes', 'note', 'memo'],
  ['warehouse', 'location', 'whse'],
];
const CANON = new Map(SYNONYMS.flatMap((g) => g.map((w) => [w, g[0]!] as const)));
/** Words too common to count as evidence on their own. */
const WEAK = new Set(['no', 'name', 'date']);

export function words(text: string): string[] {
  return text
    .replace(/\[\]/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !/^\d+$/.test(w) && !['the', 'of', 'a', 'steps', 'trigger', 'fields', 'ar', 'so'].includes(w))
    .map((w) => CANON.get(w) ?? w);
}

function overlap(a: string[], b: string[]): { score: number; shared: string[] } {
  const sa = new Set(a);
  const sb = new Set(b);
  const shared = [...sa].filter((w) => sb.has(w));
  const strong = shared.filter((w) => !WEAK.has(w)).length + shared.filter((w) => WEAK.has(w)).length * 0.4;
  // The mean of how much of each name the shared words cover: a one-word source that is all of a
  // target's key word scores well without every short name matching everything.
  return { score: (strong / Math.max(1, sa.size) + strong / Math.max(1, sb.size)) / 2, shared };
}

const lastSegment = (path: string) => path.split('.').at(-1)!.replace('[]', '');
const isElement = (path: string) => path.includes('[]');

/** What a sample value looks like, and the transform that makes it fit the target. */
function valueFit(src: SourceField, target: TargetField): { transforms?: Suggestion['transforms']; expression?: string; bonus: number; why?: string } {
  const v = src.sample;
  const t = lastSegment(target.path);
  if (typeof v === 'string' && /^\d{1,2}-[A-Z0-9]+$/i.test(v.trim())) {
    const why = `the sample “${v}” is a Sage division-customer key`;
    if (/^ardivisionno$/i.test(t)) return { expression: 'sageCustomerKey($value).ARDivisionNo', bonus: 0.45, why };
    if (/^customerno$/i.test(t)) return { expression: 'sageCustomerKey($value).CustomerNo', bonus: 0.45, why };
    if (/^customerkey$/i.test(t)) return { bonus: 0.3, why };
  }
  if (target.type === 'string' && /Date$/.test(t) && (typeof v === 'number' || src.type === 'date')) return { transforms: [{ fn: 'toSageDate' }], bonus: 0.1, why: 'dates become Sage’s YYYYMMDD' };
  if (target.type === 'number' && typeof v === 'string' && /^\s*\$?[\d,]+(\.\d+)?\s*$/.test(v)) return { transforms: [{ fn: 'number' }], bonus: 0.05, why: `the sample “${v}” is a number in text` };
  return { bonus: 0 };
}

function typeFits(src: SourceField, target: TargetField): boolean {
  if (src.type === 'any' || target.type === 'any') return true;
  if (src.type === 'object' || src.type === 'list') return target.type === src.type;
  return !(target.type === 'number' && src.type === 'boolean');
}

export function suggestMappings(req: SuggestionRequest): Suggestion[] {
  const out: Suggestion[] = [];
  const used = new Set<string>();
  for (const target of req.targets) {
    if (req.mapped.includes(target.path) || target.type === 'object' || (target.type === 'list' && !isElement(target.path))) continue;
    const tw = words(`${target.label} ${lastSegment(target.path)}`);
    let best: { s: Suggestion; score: number } | undefined;
    for (const src of req.sources) {
      // Per-element targets take per-element sources and whole targets whole sources.
      if (isElement(src.path) !== isElement(target.path) || used.has(src.path) || !typeFits(src, target)) continue;
      // Writing a record's field back from that same field (trigger.fields.K → fields.K) changes nothing.
      if (src.path.endsWith(`.${target.path}`)) continue;
      const { score, shared } = overlap(words(`${src.label} ${lastSegment(src.path)}`), tw);
      if (score === 0) continue;
      const fit = valueFit(src, target);
      const confidence = Math.min(0.98, score * 0.85 + fit.bonus);
      if (confidence < 0.45 || (best && best.score >= confidence)) continue;
      const reason = [`“${src.label}” and “${target.label}” share the words ${shared.map((w) => `“${w}”`).join(', ')}`, fit.why].filter(Boolean).join('; ');
      best = { score: confidence, s: { target: target.path, source: src.path, confidence: Math.round(confidence * 100) / 100, reason, ...(fit.transforms ? { transforms: fit.transforms } : {}), ...(fit.expression ? { expression: fit.expression } : {}) } };
    }
    if (best) {
      out.push(best.s);
      if (!best.s.expression) used.add(best.s.source);
    }
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}

export const heuristicSuggester: SuggestionProvider = { id: 'built-in', suggest: async (req) => suggestMappings(req) };
