// The guard's shortcut for lists the evaluator built (access.ts, markBuilt) must never extend to a list the host
// got back from an evaluation and changed: such a list is data again and is read through the guard.
import { describe, expect, it } from 'vitest';
import { compileExpression, compileMapping, evaluate, evaluateExpression } from './index';

describe('lists built by the evaluator', () => {
  it('are trusted only within the evaluation that built them', () => {
    const m = compileMapping({ fields: [{ target: 'skus', source: 'trigger.lines[].sku' }, { target: 'n', expression: 'count(compact(trigger.lines[].sku))' }] });
    const { value } = evaluate(m, { trigger: { lines: [{ sku: 'a' }, { sku: null }] } });
    expect(value).toEqual({ skus: ['a', null], n: 1 });
    let called = false;
    const skus = value.skus as unknown[];
    Object.defineProperty(skus, '0', { get: () => ((called = true), 'leak'), enumerable: true });
    for (const fn of ['first', 'join', 'compact', 'unique', 'flatten', 'sum']) {
      expect(evaluateExpression(compileExpression(`${fn}(trigger.skus)`), { trigger: { skus } })).toEqual({ ok: false, error: "property '0' is computed by code, not data, and cannot be read" });
    }
    expect(evaluate(m, { trigger: { lines: skus } }).errors[0]?.message).toBe("property '0' is computed by code, not data, and cannot be read");
    expect(called).toBe(false);
  });

  it('give functions the same answers as the same list read from data', () => {
    const scope = { trigger: { lines: [{ q: 2, p: 1.5 }, { q: null, p: 2 }, { q: 2, p: 2 }], qs: [2, null, 2], ps: [1.5, 2, 2] } };
    const run = (src: string) => evaluateExpression(compileExpression(src), scope);
    for (const fn of ['first', 'last', 'count', 'compact', 'unique', 'join', 'sum', 'min']) {
      expect(run(`${fn}(trigger.lines[].q)`)).toEqual(run(`${fn}(trigger.qs)`));
    }
    expect(run('sum(multiply(trigger.lines[].p, trigger.lines[].p))')).toEqual(run('sum(multiply(trigger.ps, trigger.ps))'));
    expect(run('flatten([trigger.lines[].p, [trigger.lines[0].q]])')).toEqual({ ok: true, value: [1.5, 2, 2, 2] });
  });
});
