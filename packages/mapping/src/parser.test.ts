import { describe, expect, it } from 'vitest';
import { compileExpression, evaluateExpression, parseExpression } from './index';

const scope = {
  trigger: {
    box: { name: 'Acme', stage: 'Won', amount: 1200, fields: { '1001': 'Net 30', '1002': { value: 7 } }, 'Deal size': 'L', tags: ['a', 'b'] },
    lines: [{ sku: 'w-1', qty: 2, price: 3.5, opts: [{ c: 'red' }] }, { sku: 'w-2', qty: 1, price: 10, opts: [] }],
  },
};
const value = (src: string, data: unknown = scope) => {
  const r = evaluateExpression(compileExpression(src), data, { now: 1_700_000_000_000 });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const error = (src: string) => {
  const r = parseExpression(src);
  return r.ok ? undefined : r.error;
};

describe('parser and evaluator', () => {
  it('reads paths, numeric Streak field keys and bracketed names', () => {
    expect(value('trigger.box.name')).toBe('Acme');
    expect(value('trigger.box.fields.1001')).toBe('Net 30');
    expect(value('trigger.box.fields.1002.value')).toBe(7);
    expect(value('trigger.box["Deal size"]')).toBe('L');
    expect(value('trigger.box.tags[1]')).toBe('b');
    expect(value('trigger.box.tags.0')).toBe('a');
    expect(value('trigger.missing.deeper')).toBe(null);
  });

  it('maps over lists with [] and nests', () => {
    expect(value('trigger.lines[].sku')).toEqual(['w-1', 'w-2']);
    expect(value('trigger.lines[].opts[].c')).toEqual([['red'], []]);
    expect(value('(trigger.lines[].qty)[1]')).toBe(1);
    expect(value('trigger.nothing[].x')).toBe(null);
  });

  it('follows precedence: * before +, comparison before &&, ?? and ternary lowest', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('10 - 4 - 3')).toBe(3);
    expect(value('7 % 4')).toBe(3);
    expect(value('1 < 2 && 2 < 3')).toBe(true);
    expect(value('trigger.x ?? 5 + 1')).toBe(6);
    expect(value('trigger.box.amount > 1000 ? "big" : "small"')).toBe('big');
    expect(value('false ? 1 : true ? 2 : 3')).toBe(2);
    expect(value('-2 * -3')).toBe(6);
    expect(value('!trigger.box.name')).toBe(false);
    expect(value('1 === 1 && 1 !== 2')).toBe(true);
  });

  it('has strict, JS-like operators without coercion surprises', () => {
    expect(value('"SO-" + 12')).toBe('SO-12');
    expect(value('"2" * 3')).toBe(6);
    expect(value('"1" == 1')).toBe(false);
    expect(value('[1, {"a": 2}] == [1, {"a": 2}]')).toBe(true);
    expect(value('null || "x"')).toBe('x');
    expect(value('0 && 1')).toBe(0);
    expect(value('"" ?? "x"')).toBe('');
    expect(value('"b" > "a"')).toBe(true);
  });

  it('pipes a value through functions: x | f(a) is f(x, a)', () => {
    expect(value('trigger.box.name | upper | padEnd(6, ".")')).toBe('ACME..');
  });

  it('builds lists and objects', () => {
    expect(value('{ "code": upper(trigger.box.name), n: 1, 2: [1, "x", null] }')).toEqual({ code: 'ACME', n: 1, '2': [1, 'x', null] });
  });

  it('reads $now only from the context', () => {
    expect(value('$now')).toBe(1_700_000_000_000);
  });

  it('accepts n8n-style {{ }} wrappers and string escapes', () => {
    expect(value('{{ trigger.box.name }}')).toBe('Acme');
    expect(value("'it\\'s' + \"\\u0041\\n\"")).toBe("it'sA\n");
    expect(value('1.5e2')).toBe(150);
  });

  it('reports syntax errors with the offset where they are', () => {
    expect(error('trigger.')).toEqual({ message: "expected a property name after '.'", offset: 8 });
    expect(error('1 +')).toEqual({ message: 'the expression ended too early', offset: 3 });
    expect(error('(1')).toEqual({ message: "expected ')' but the expression ended", offset: 2 });
    expect(error('a ? b')).toEqual({ message: "expected ':' but the expression ended", offset: 5 });
    expect(error('"open')).toEqual({ message: 'unterminated string', offset: 0 });
    expect(error('"\\q"')).toEqual({ message: "invalid escape '\\q' in string", offset: 1 });
    expect(error('a # b')).toEqual({ message: "unexpected character '#'", offset: 2 });
    expect(error('12abc')).toEqual({ message: 'a number cannot be followed directly by a letter', offset: 2 });
    expect(error('a b')).toEqual({ message: "unexpected 'b'", offset: 2 });
    expect(error('nosuch(1)')).toEqual({ message: "unknown function 'nosuch'", offset: 0 });
    expect(error('round(1, 2, 3)')).toEqual({ message: 'round takes 1 to 2 arguments, got 3', offset: 0 });
    expect(error('x | 5')).toEqual({ message: "expected a function name after '|'", offset: 4 });
    expect(error('{a: 1, a: 2}')).toEqual({ message: "duplicate key 'a'", offset: 7 });
    expect(error('')).toEqual({ message: 'the expression ended too early', offset: 0 });
  });

  it('returns bad-data failures as values, not exceptions', () => {
    const run = (src: string) => evaluateExpression(compileExpression(src), scope);
    expect(run('trigger.box.name * 2')).toEqual({ ok: false, error: '*: expected a number, got text "Acme"' });
    expect(run('1 / 0')).toEqual({ ok: false, error: 'division by zero' });
    expect(run('trigger.box.name.first')).toEqual({ ok: false, error: "cannot read 'first' of text" });
    expect(run('trigger.box.tags.first')).toEqual({ ok: false, error: "cannot read 'first' of a list; use [n] for one element or [] for each" });
    expect(run('trigger.box.name[]')).toEqual({ ok: false, error: '[] expects a list, got text "Acme"' });
    expect(run('1 < "2"')).toEqual({ ok: false, error: 'cannot compare number 1 with text "2"' });
    expect(run('trigger.box + "x"')).toEqual({ ok: false, error: 'cannot join an object and text "x" with +' });
    expect(run('trigger.box.tags[true]')).toEqual({ ok: false, error: 'cannot use boolean true as an index' });
    expect(run('1e308 * 10')).toEqual({ ok: false, error: '*: the result is too large' });
  });
});
