// Speed work on the evaluator must not change what it computes. The digest below covers every value, key order
// and error message of the benchmark's two 30-field mappings over its 2,000 records, the same records with
// fields and order lines replaced by odd data, and seeded random expressions over them. It was recorded from the
// evaluator as it was before the speed work of 2026-11-26 (commit ae0ed98). If you change what the language
// computes on purpose, check the differences, then update the digest in the same commit and say why.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ctx, customer, records, salesOrder } from '../bench/corpus';
import { compileExpression, compileMapping, evaluate, evaluateExpression, FUNCTIONS, seededRandom, type Random } from './index';

const ODD: unknown[] = [null, '', ' x ', 'Mixed Case', 0, -1.5, 1e21, true, [], {}, ['a', null], { sku: 1 }, '12,345.50', '(3.00)', '20250307', 'California', '__proto__', 'ﬁne straße', '9'.repeat(25)];
const LEAVES = ['trigger.box.name', 'trigger.box.fields.1008', 'trigger.box.lines[].qty', 'trigger.box.lines[].sku', 'trigger.box.lines', 'trigger.box.assignedTo[0]', 'trigger.box.lastStageChangeTimestamp', '"W-1"', '3', '-2.5', 'null', 'true', '$now', 'trigger.box.fields'];
const OPS = ['+', '-', '*', '/', '%', '==', '!=', '<', '>=', '&&', '||', '??'];

function perturbed(r: Random, record: (typeof records)[number]): unknown {
  const copy = structuredClone(record) as { trigger: { box: Record<string, unknown> & { fields: Record<string, unknown>; lines: Array<Record<string, unknown>> } } };
  const { box } = copy.trigger;
  for (const k of Object.keys(box.fields)) if (r.next() < 0.2) box.fields[k] = r.pick(ODD);
  for (const line of box.lines) for (const k of Object.keys(line)) if (r.next() < 0.15) line[k] = r.pick(ODD);
  if (r.next() < 0.1) box.lines = r.pick(ODD) as never;
  if (r.next() < 0.1) box.assignedTo = r.pick(ODD);
  if (r.next() < 0.1) box.stageKey = r.pick(ODD);
  return copy;
}

function expression(r: Random, depth = 0): string {
  if (depth > 2 || r.next() < 0.3) return r.pick(LEAVES);
  switch (r.int(5)) {
    case 0:
      return `(${expression(r, depth + 1)} ${r.pick(OPS)} ${expression(r, depth + 1)})`;
    case 1: {
      const f = r.pick(FUNCTIONS);
      const n = f.params.filter((p) => !p.optional && !p.rest).length + r.int(2);
      return `${f.name}(${Array.from({ length: n }, () => expression(r, depth + 1)).join(', ')})`;
    }
    case 2:
      return `${expression(r, depth + 1)} ? ${expression(r, depth + 1)} : ${expression(r, depth + 1)}`;
    case 3:
      return `[${expression(r, depth + 1)}, {"a": ${expression(r, depth + 1)}}]`;
    default:
      return `!${expression(r, depth + 1)}`;
  }
}

function digest(): string {
  const hash = createHash('sha256');
  // -0 is kept apart from 0: JSON would print both as 0.
  const add = (v: unknown) => hash.update(`${JSON.stringify(v, (_k, x: unknown) => (Object.is(x, -0) ? '-0' : x))}\n`);
  const r = seededRandom(7);
  const withNow = { ...ctx, now: 1_741_361_400_000 };
  for (const spec of [salesOrder, customer]) {
    const m = compileMapping(spec);
    for (const record of records) add(evaluate(m, record, ctx));
    for (const record of records) add(evaluate(m, perturbed(r, record), withNow));
  }
  for (let i = 0; i < 3000; i++) {
    const src = expression(r);
    let compiled;
    try {
      compiled = compileExpression(src);
    } catch (e) {
      add({ src, compileError: (e as Error).message });
      continue;
    }
    add(evaluateExpression(compiled, r.next() < 0.5 ? records[i % records.length] : perturbed(r, records[i % records.length]!), withNow));
  }
  return hash.digest('hex');
}

describe('golden results', () => {
  it('evaluates the benchmark corpus, odd data and random expressions exactly as the evaluator did before its speed work', () => {
    expect(digest()).toBe('6284ed6b699f05566726b3b162ddf7b594afebd115af21af67d6b151122a4642');
  });
});
