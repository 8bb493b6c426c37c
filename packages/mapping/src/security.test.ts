// The language must not reach the host: no prototypes, constructors, globals, getters or functions,
// whatever the expression and whatever the data. Includes published n8n expression-injection PoCs
// (CVE-2025-68613 family) re-expressed in this language.
import { describe, expect, it } from 'vitest';
import { compileExpression, compileMapping, evaluate, evaluateExpression, parseExpression } from './index';

const POCS = [
  "{{ $json.constructor.constructor('return process')() }}",
  "{{ trigger.constructor.constructor('return process')() }}",
  "trigger.constructor.constructor('return process')()",
  "trigger['constructor']['constructor']('return process')()",
  'trigger.__proto__.polluted',
  "trigger['__proto__']",
  'trigger.prototype',
  "{{ (function(){ return this })().process }}",
  "{{ this.process.mainModule.require('child_process').execSync('id') }}",
  "{{ $jmespath($json, 'x') }}",
  "require('child_process')",
  'globalThis.process.env',
  'process.env.SECRET',
  "Function('return process')()",
  "{{ [].map.constructor('return process')() }}",
  "''.constructor.prototype.toString",
  "trigger.box.name.constructor.name",
  "{{ $evaluateExpression('1+1') }}",
  "trigger.box.__lookupGetter__('x')",
  'trigger.box.__defineGetter__',
  "`${process}`",
  'import("fs")',
  'new Function("return 1")',
  'eval("1")',
  'x => x',
];

const scope = { trigger: { box: { name: 'Acme' } } };

describe('sandbox', () => {
  it.each(POCS)('rejects %s with a clear error and does not crash', (src) => {
    const parsed = parseExpression(src);
    if (parsed.ok) {
      // Some parse (e.g. `globalThis.process.env` is a path into the scope), but must not reach the host.
      const r = evaluateExpression(compileExpression(src), scope, {});
      expect(r.ok ? r.value : null).toBeNull();
    } else {
      expect(parsed.error.message.length).toBeGreaterThan(5);
      expect(parsed.error.offset).toBeGreaterThanOrEqual(0);
    }
  });

  it('names the forbidden property in the error', () => {
    expect(parseExpression("trigger.constructor.constructor('return process')()")).toEqual({
      ok: false,
      error: { message: "property 'constructor' is not accessible: expressions read only plain data", offset: 8 },
    });
    expect(parseExpression('f()()')).toMatchObject({ ok: false, error: { message: "unknown function 'f'" } });
    expect(parseExpression('upper("x")("y")')).toMatchObject({ ok: false, error: { message: expect.stringContaining('only library functions can be called') } });
  });

  it('treats globals as absent scope roots, never as host objects', () => {
    for (const name of ['globalThis', 'process', 'require', 'Function', 'window', 'Object', 'this']) {
      expect(evaluateExpression(compileExpression(name), {}, {})).toEqual({ ok: true, value: null });
    }
  });

  it('blocks computed access to forbidden names at run time', () => {
    for (const src of ["trigger['__pro' + 'to__']", "trigger['constr' + 'uctor']", 'trigger[trigger.key]']) {
      const r = evaluateExpression(compileExpression(src), { trigger: { key: 'constructor' } });
      expect(r).toEqual({ ok: false, error: expect.stringMatching(/property '(__proto__|constructor)' is not accessible/) });
    }
  });

  it('reads only own data: no inherited members, getters, functions or class instances', () => {
    let called = false;
    const withGetter = Object.defineProperty({}, 'secret', { get: () => ((called = true), 'leak'), enumerable: true });
    const run = (src: string, trigger: unknown) => evaluateExpression(compileExpression(src), { trigger });
    expect(run('trigger.secret', withGetter)).toEqual({ ok: false, error: "property 'secret' is computed by code, not data, and cannot be read" });
    expect(called).toBe(false);
    expect(run('trigger.fn', { fn: () => 1 })).toEqual({ ok: false, error: "property 'fn' is not data and cannot be read" });
    expect(run('trigger.toString', {})).toEqual({ ok: true, value: null });
    expect(run('trigger.hasOwnProperty', {})).toEqual({ ok: true, value: null });
    expect(run('trigger.length', 'abc')).toEqual({ ok: false, error: "cannot read 'length' of text" });
    expect(run('trigger.getTime', new Date(0))).toEqual({ ok: false, error: "cannot read 'getTime' of a non-plain object" });
    expect(run('trigger.size', new Map())).toEqual({ ok: false, error: "cannot read 'size' of a non-plain object" });
    const inherited = Object.create({ secret: 'proto' }) as object;
    expect(run('trigger.secret', inherited)).toEqual({ ok: false, error: "cannot read 'secret' of a non-plain object" });
    expect(run('trigger.x', Object.assign(Object.create(null) as object, { x: 1 }))).toEqual({ ok: true, value: 1 });
    const arr = Object.defineProperty([1], '0', { get: () => ((called = true), 2) });
    expect(run('trigger[0]', arr).ok).toBe(false);
    expect(run('trigger[].x', arr).ok).toBe(false);
    const perElement = compileMapping({ fields: [{ target: 'L[].x', source: 'trigger[].x' }, { target: 'M[]', source: 'trigger' }] });
    expect(evaluate(perElement, { trigger: arr }).errors).toEqual([
      { field: 'L[].x', message: "property '0' is computed by code, not data, and cannot be read" },
      { field: 'M[0]', message: "property '0' is computed by code, not data, and cannot be read" },
    ]);
    for (const fn of ['sum', 'first', 'last', 'join', 'compact', 'unique', 'flatten']) expect(run(`${fn}(trigger)`, arr).ok).toBe(false);
    expect(run('count(trigger)', arr)).toEqual({ ok: true, value: 1 }); // length is data, the element is not read
    expect(run('flatten([trigger])', arr).ok).toBe(false);
    expect(called).toBe(false);
  });

  it('never writes through __proto__ from object literals, data or targets', () => {
    expect(parseExpression('{"__proto__": {"polluted": 1}}').ok).toBe(false);
    expect(() => compileMapping({ fields: [{ target: '__proto__.polluted', default: 1 }] })).toThrow(/"__proto__" cannot be written/);
    expect(() => compileMapping({ fields: [{ target: 'a.constructor', default: 1 }] })).toThrow(/cannot be written/);
    const table = JSON.parse('{"__proto__": {"polluted": 1}, "A": "x"}') as unknown;
    const m = compileMapping({ fields: [{ target: 'v', expression: 'mapValue("__proto__", trigger.t)' }] });
    expect(evaluate(m, { trigger: { t: table } }).errors[0]?.message).toMatch(/not accessible/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives deep nesting in source and data', () => {
    expect(parseExpression('('.repeat(2000) + '1' + ')'.repeat(2000))).toMatchObject({ ok: false, error: { message: 'expression nests too deeply' } });
    expect(parseExpression('-'.repeat(5000) + '1')).toMatchObject({ ok: false });
    expect(parseExpression('x' + '[0]'.repeat(1000)).ok).toBe(true);
    expect(parseExpression('a'.repeat(20_000))).toMatchObject({ ok: false, error: { message: expect.stringContaining('longer than') } });
    const nest = () => {
      let deep: unknown = 1;
      for (let i = 0; i < 100_000; i++) deep = [deep];
      return deep;
    };
    const r = evaluateExpression(compileExpression('trigger.a == trigger.b'), { trigger: { a: nest(), b: nest() } });
    expect(r).toEqual({ ok: false, error: 'the data is nested too deeply' });
  });
});
