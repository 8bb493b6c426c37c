// The output object is built from slots and cached templates (output.ts); it must be exactly the object that
// writing each field's keys in turn would give: same keys, same order, plain prototype, nothing left over.
import { describe, expect, it } from 'vitest';
import { compileMapping, evaluate, type MappingField } from './index';

describe('building the output object', () => {
  it('orders top-level keys by their first write, whichever of several fields makes it, record after record', () => {
    const m = compileMapping({
      fields: [
        { target: 'A.x', source: 'trigger.x' },
        { target: 'B', source: 'trigger.b' },
        { target: 'A.y', source: 'trigger.y' },
        { target: 'L[].q', source: 'trigger.lines[].q' },
        { target: 'C', source: 'trigger.c', when: 'trigger.c != "skip"' },
      ],
    });
    const records = [
      { x: 1, b: 2, y: 3, lines: [{ q: 1 }], c: 'c' },
      { b: 2, y: 3, c: 'skip' },
      { x: 1, b: 2, lines: null, c: 'c' },
      { b: 2, y: 3, lines: [], c: 'c' },
      { x: 1, b: 2, y: 3, lines: [{ q: 1 }], c: 'c' },
    ];
    // Twice over, so the second round reuses the templates the first one made.
    for (let round = 0; round < 2; round++) {
      const shapes = records.map((trigger) => {
        const { value } = evaluate(m, { trigger });
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
        return JSON.stringify(value);
      });
      expect(shapes).toEqual([
        '{"A":{"x":1,"y":3},"B":2,"L":[{"q":1}],"C":"c"}',
        '{"B":2,"A":{"y":3}}',
        '{"A":{"x":1},"B":2,"C":"c"}',
        '{"B":2,"A":{"y":3},"L":[],"C":"c"}',
        '{"A":{"x":1,"y":3},"B":2,"L":[{"q":1}],"C":"c"}',
      ]);
    }
  });

  it('leaves out fields that fail, are skipped or produce nothing, and keeps integer-like keys first as JS does', () => {
    const m = compileMapping({
      fields: [
        { target: 'Name', source: 'trigger.name', transforms: [{ fn: 'upper' }] },
        { target: '2024', default: 'year' },
        { target: 'Qty', source: 'trigger.qty', transforms: [{ fn: 'number' }], required: true },
        { target: 'Note', source: 'trigger.note' },
      ],
    });
    const ok = evaluate(m, { trigger: { name: 'acme', qty: '3', note: 'n' } });
    expect(Object.entries(ok.value)).toEqual([['2024', 'year'], ['Name', 'ACME'], ['Qty', 3], ['Note', 'n']]);
    const bad = evaluate(m, { trigger: { name: 7, qty: 'x' } });
    expect(Object.entries(bad.value)).toEqual([['2024', 'year'], ['Name', '7']]);
    expect(bad.errors).toEqual([{ field: 'Qty', message: 'number: "x" is not a number' }]);
  });

  it('builds mappings with more fields than templates can name', () => {
    const fields: MappingField[] = Array.from({ length: 70 }, (_, i) => ({ target: `F${i}`, source: `trigger.v${i % 7}` }));
    const m = compileMapping({ fields });
    for (const trigger of [{ v0: 0, v3: 3 }, { v1: 1, v3: 3, v6: 6 }]) {
      const expected = Object.fromEntries(fields.flatMap((f, i) => (trigger[`v${i % 7}` as keyof typeof trigger] === undefined ? [] : [[f.target, trigger[`v${i % 7}` as keyof typeof trigger]]])));
      expect(JSON.stringify(evaluate(m, { trigger }).value)).toBe(JSON.stringify(expected));
    }
  });
});
