// Expression escapes: the published n8n expression-injection PoCs (CVE-2025-68613 and the payloads around
// it) and the classic prototype-chain, constructor and template tricks, re-expressed in our mapping
// language. Each one is parsed, compiled and evaluated over data with tripwires armed on the host's escape
// hatches: none may touch Function, eval, process, a constructor or a prototype, and each answers plain
// data or a clear error. packages/mapping/src/security.test.ts checks the messages; this checks the host.
import { compileExpression, compileMapping, evaluate, evaluateExpression, parseExpression } from '@conduit/mapping';
import { describe, expect, it } from 'vitest';
import { touchedHost } from './tripwire';

const PAYLOADS = [
  // CVE-2025-68613 (n8n < 1.120.4): expressions ran with `this` bound to the host.
  "{{ (function(){ return this.process.mainModule.require('child_process').execSync('id').toString() })() }}",
  "(function(){ return this })().process.mainModule.require('child_process')",
  "this.process.mainModule.require('child_process').execSync('id')",
  "$json.constructor.constructor('return process')().mainModule.require('child_process').execSync('id')",
  "trigger.box.name.constructor.constructor('return globalThis.process')()",
  "trigger['constructor']['constructor']('return this')()",
  "[].constructor.constructor('return process')()",
  "[]['constructor']['constructor']('return process')()",
  "{}.constructor.constructor('return process')()",
  "''['constructor']['constructor']('return process')()",
  "(1).constructor.constructor('return process')()",
  "$now.constructor.constructor('return process')()",
  "Function('return process')()",
  "new Function('return process')()",
  "$jmespath($json, 'constructor')",
  "$evaluateExpression('{{ this.process }}')",
  "$('Webhook').first().json.constructor",
  "process.binding('spawn_sync')",
  "require('child_process').execSync('id')",
  "import('child_process')",
  "globalThis.process.mainModule",
  "trigger.__proto__.__proto__",
  "trigger['__proto__']['constructor']",
  "trigger['\\u005f\\u005fproto\\u005f\\u005f']",
  "trigger['\\u0063onstructor']",
  "trigger[['constructor']]",
  "trigger[['__proto__']]['polluted']",
  "trigger['constr' + 'uctor']['constr' + 'uctor']",
  'trigger[trigger.k1][trigger.k1]',
  'trigger.items[0][trigger.k2]',
  "trigger.box.toString()",
  "trigger.box.valueOf",
  "trigger.box.__lookupGetter__('name')",
  "trigger.box.hasOwnProperty('name')",
  "constructor('return process')()",
  "toString()",
  "valueOf()",
  "`${this.process}`",
  "'${process.env.DATABASE_URL}'",
  "'{{ $env.DATABASE_URL }}'",
  "{{ $env.DATABASE_URL }}",
  "$env.CONDUIT_SECRET_KEYS",
  "env.DATABASE_URL",
  "trigger.box.name ?? process",
  "[trigger][0].constructor",
  "{\"a\": trigger}.a.constructor",
  "concat(trigger.box, '')",
  "mapValue('constructor', trigger.box)",
  "lookup(trigger.box, 'constructor')",
  "get(trigger, 'constructor')",
  "x => process",
  "async () => process",
  "eval('process')",
  "with (process) env",
  "delete trigger.box",
  "trigger.box.name = 'x'",
];

// Values only the host knows; a payload that returned any of them would have escaped.
const HOST_VALUES = [process.version, process.cwd(), ...['DATABASE_URL', 'CONDUIT_SECRET_KEYS', 'NEXTAUTH_SECRET', 'HOME', 'PATH'].map((k) => process.env[k]).filter((v): v is string => Boolean(v && v.length > 3))];

const scope = () => ({ trigger: { box: { name: 'Acme' }, items: [{ q: 1 }], k1: 'constructor', k2: '__proto__' } });

function run(src: string): { parsed: boolean; value: unknown; error: string | null; touched: string[] } {
  let out = { parsed: false, value: null as unknown, error: null as string | null };
  const touched = touchedHost(() => {
    const p = parseExpression(src);
    if (!p.ok) {
      out = { parsed: false, value: null, error: p.error.message };
      return;
    }
    const r = evaluateExpression(compileExpression(src), scope(), { now: 0 });
    out = r.ok ? { parsed: true, value: r.value, error: null } : { parsed: true, value: null, error: r.error };
  });
  return { ...out, touched };
}

const isData = (v: unknown): boolean =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) ? v.every(isData) : typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every(isData));

describe('expression escapes reach nothing on the host', () => {
  it('has working tripwires (plain JavaScript trips them)', () => {
    expect(touchedHost(() => ({}).constructor)).toEqual(['Object.prototype.constructor']);
    expect(touchedHost(() => (() => 1).constructor)).toEqual(['Function.prototype.constructor']);
    expect(touchedHost(() => (globalThis as { process?: unknown }).process)).toContain('globalThis.process');
    expect(touchedHost(() => Object.getOwnPropertyNames(({} as { __proto__: object }).__proto__))).toEqual(['Object.prototype.__proto__']);
  });

  it.each(PAYLOADS)('%s', (src) => {
    const r = run(src);
    expect(r.touched).toEqual([]);
    expect(isData(r.value)).toBe(true);
    // What comes back is the language's own value, never something read from the host.
    const text = JSON.stringify(r.value) ?? '';
    expect(text).not.toMatch(/\[native code\]|mainModule/);
    for (const secret of HOST_VALUES) expect(text).not.toContain(secret);
    if (r.error !== null) expect(r.error.length).toBeGreaterThan(10);
  });

  it('treats template and interpolation syntax inside strings as plain text', () => {
    for (const s of ['${process.env}', '{{ $env.SECRET }}', '#{7*7}', '<%= process %>']) {
      const r = run(JSON.stringify(s));
      expect(r).toMatchObject({ value: s, touched: [] });
    }
  });

  it('mapping targets cannot write through prototypes, and data keys named after them stay data', () => {
    for (const target of ['__proto__', '__proto__.polluted', 'a.__proto__.b', 'constructor.prototype.polluted', 'L[].__proto__', 'prototype']) {
      expect(() => compileMapping({ fields: [{ target, default: 1 }] }), target).toThrow(/cannot be written|not accessible|invalid|target/i);
    }
    const data = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown;
    const touched = touchedHost(() => evaluate(compileMapping({ fields: [{ target: 'copy', source: 'trigger' }, { target: 'L[]', source: 'trigger.list' }] }), { trigger: { ...(data as object), list: [data] } }));
    expect(touched).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  // Found by this suite: replace and join multiplied their input without a bound, so one expression over
  // 10,000 characters built a 100-million-character string inside the workflow (and a second level took
  // seconds of CPU before failing).
  it('caps the text that replace and join can build', () => {
    const big = 'padStart("", 10000, "a")';
    expect(run(`replace(${big}, "a", ${big})`).error).toMatch(/replace: the result would be 100000000 characters, more than 1000000/);
    expect(run(`join(split(${big}, ""), ${big})`).error).toMatch(/join: the result would be \d+ characters, more than 1000000/);
    expect(run(`replace(${big}, "a", "bb")`).value).toBe('b'.repeat(20_000));
    expect(run(`join(split(${big}, ""), "-")`).value).toHaveLength(19_999);
  });
});
