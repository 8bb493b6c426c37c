// Property tests: arbitrary expressions, specs and data never crash the language, never return host
// objects and never change Object.prototype. Deterministic (seeded) so a failure replays exactly.
import { describe, expect, it } from 'vitest';
import { checkMapping, compileExpression, compileMapping, evaluate, evaluateExpression, fromJsonSchema, FUNCTIONS, inferMappingOutput, inferType, type JsonSchema, parseExpression, seededRandom, T, typecheckMapping, type Random } from './index';

const ATOMS = ['trigger', 'steps', 'box', 'lines', '[]', '[0]', '.', 'x', '1001', '"a"', "'b'", '1', '2.5', '-', '+', '*', '/', '%', '==', '!=', '<', '>=', '&&', '||', '??', '!', '?', ':', '(', ')', '[', ']', '{', '}', ',', '|', 'null', 'true', '$now', '$item', '$value', '$json', 'constructor', '__proto__', 'prototype', 'process', 'globalThis', 'require', 'Function', 'this', 'eval', '{{', '}}', '\\', '"', '`', ';', '=>', ' ', '\n', '𝄞', '\u0000'];
const NAMES = FUNCTIONS.map((f) => f.name);

function soup(r: Random): string {
  return Array.from({ length: 1 + r.int(14) }, () => (r.next() < 0.2 ? `${r.pick(NAMES)}(` : r.pick(ATOMS))).join(r.next() < 0.5 ? '' : ' ');
}

// Well-formed expressions built from the grammar, so evaluation (not just parsing) gets exercised.
function expr(r: Random, depth = 0): string {
  const leaf = () => r.pick(['trigger.box.name', 'trigger.lines[].qty', 'trigger.box.fields.1001', 'trigger.lines', '$now', '"Acme"', '3', '0', 'null', 'true', '"2025-03-07"', 'trigger.box', '$item', 'trigger["constructor"]']);
  if (depth > 3 || r.next() < 0.3) return leaf();
  switch (r.int(5)) {
    case 0:
      return `${expr(r, depth + 1)} ${r.pick(['+', '-', '*', '/', '==', '<', '&&', '||', '??'])} ${expr(r, depth + 1)}`;
    case 1: {
      const f = r.pick(FUNCTIONS);
      const n = f.params.filter((p) => !p.optional && !p.rest).length + r.int(2);
      return `${f.name}(${Array.from({ length: n }, () => expr(r, depth + 1)).join(', ')})`;
    }
    case 2:
      return `${expr(r, depth + 1)} ? ${expr(r, depth + 1)} : ${expr(r, depth + 1)}`;
    case 3:
      return `[${expr(r, depth + 1)}, ${expr(r, depth + 1)}]`;
    default:
      return `!(${expr(r, depth + 1)})`;
  }
}

function data(r: Random, depth = 0): unknown {
  const k = r.int(depth > 3 ? 5 : 8);
  if (k === 0) return null;
  if (k === 1) return r.pick(['', 'Acme', '12.50', 'california', '20250307', 'WIDGET x 2 @ 1', '__proto__', 'constructor', 'x'.repeat(r.int(300))]);
  if (k === 2) return r.pick([0, -1, 1.5, 1e21, 1741361400000, Number.MAX_SAFE_INTEGER]);
  if (k === 3) return r.next() < 0.5;
  if (k === 4) return r.int(5);
  if (k === 5) return Array.from({ length: r.int(4) }, () => data(r, depth + 1));
  return Object.fromEntries(Array.from({ length: r.int(5) }, () => [r.pick(['name', 'box', 'lines', 'fields', '1001', 'qty', 'constructor', '__proto__', 'x']), data(r, depth + 1)]));
}

// Random JSON-Schema-like values, valid or not, as connector catalogs might send them.
function schema(r: Random, depth = 0): JsonSchema {
  const kinds = ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array', 'nonsense'];
  const s: JsonSchema = { type: r.next() < 0.2 ? [r.pick(kinds), 'null'] : r.pick(kinds) };
  if (depth < 3 && r.next() < 0.6) s.properties = { trigger: schema(r, depth + 1), box: schema(r, depth + 1), lines: schema(r, depth + 1), A: schema(r, depth + 1) };
  if (depth < 3 && r.next() < 0.3) s.items = schema(r, depth + 1);
  if (r.next() < 0.2) s.anyOf = [schema(r, depth + 1), { type: 'null' }];
  if (r.next() < 0.2) s.required = ['trigger', 'A'];
  if (r.next() < 0.2) s.additionalProperties = r.next() < 0.5;
  if (r.next() < 0.1) s.enum = [data(r), data(r)];
  return s;
}

const isPlainData = (v: unknown): boolean =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) ? v.every(isPlainData) : typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every(isPlainData));

describe('fuzzing the mapping language', () => {
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  it('parses arbitrary token soup without throwing, and everything that parses evaluates to plain data or a clear error', () => {
    const r = seededRandom(1);
    for (let i = 0; i < 4000; i++) {
      const src = soup(r);
      const parsed = parseExpression(src);
      if (!parsed.ok) {
        expect(parsed.error.offset).toBeGreaterThanOrEqual(0);
        continue;
      }
      const out = evaluateExpression(compileExpression(src), { trigger: data(r) }, { now: 0 });
      if (out.ok) expect(isPlainData(out.value)).toBe(true);
      else expect(typeof out.error).toBe('string');
      expect(() => inferType(parsed.ast, T.any)).not.toThrow();
    }
  });

  it('evaluates generated well-formed expressions over random data without throwing', () => {
    const r = seededRandom(2);
    let evaluated = 0;
    for (let i = 0; i < 3000; i++) {
      const src = expr(r);
      const parsed = parseExpression(src);
      if (!parsed.ok) continue;
      const scope = { trigger: { box: data(r), lines: data(r) } };
      const out = evaluateExpression(compileExpression(src), scope, { now: 1741361400000, rates: { base: 'USD', rates: { EUR: 0.9 } }, tables: {} });
      if (out.ok) expect(isPlainData(out.value)).toBe(true);
      else expect(out.error).not.toMatch(/is not a function|Cannot read properties|undefined is not/);
      evaluated++;
    }
    expect(evaluated).toBeGreaterThan(1500);
  });

  it('checks and evaluates random mapping specs without throwing', () => {
    const r = seededRandom(3);
    for (let i = 0; i < 1500; i++) {
      const fields = Array.from({ length: 1 + r.int(4) }, () => ({
        target: r.pick(['A', 'B.C', 'L[].x', 'L[]', 'constructor', 'D', 'A.b', 'bad name', '']),
        ...(r.next() < 0.6 ? { source: r.pick(['trigger.box.name', 'trigger.lines[].qty', 'trigger.x', 'upper(x)', 'trigger.']) } : {}),
        ...(r.next() < 0.4 ? { expression: r.next() < 0.5 ? expr(r) : soup(r) } : {}),
        ...(r.next() < 0.3 ? { transforms: [{ fn: r.pick(NAMES), args: r.next() < 0.5 ? [] : [data(r)] }] } : {}),
        ...(r.next() < 0.3 ? { default: data(r) } : {}),
        ...(r.next() < 0.2 ? { when: expr(r) } : {}),
      }));
      const spec = { fields };
      const problems = checkMapping(spec);
      if (problems.length) continue;
      const scopeType = fromJsonSchema(schema(r));
      expect(() => typecheckMapping(spec, { scope: scopeType, target: fromJsonSchema(schema(r)) })).not.toThrow();
      expect(() => inferMappingOutput(spec, scopeType)).not.toThrow();
      const result = evaluate(compileMapping(spec), { trigger: { box: data(r), lines: data(r), x: data(r) } }, { now: 0 });
      expect(isPlainData(JSON.parse(JSON.stringify(result.value)))).toBe(true);
      for (const e of result.errors) expect(typeof e.message).toBe('string');
    }
    expect(checkMapping({ fields: 'nope' })[0]?.part).toBe('spec');
  });

  it('leaves Object.prototype untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
