// Turns a checked AST into nested closures once, so evaluating a record is plain function calls.
// Operators are strict where JS is loose: no implicit object coercion, no NaN/Infinity results.
import { type BinaryOp, type Expr } from './ast';
import { readProperty } from './access';
import { type EvalContext, fail } from './context';
import { describe, num } from './functions/define';
import { getFunction } from './functions';

export interface Env {
  scope: unknown;
  ctx: EvalContext;
  /** Current element of an `each` chain (`lines[].sku`). */
  item: unknown;
  /** Field-level locals: `$item`, `$index`, `$value`. */
  $item: unknown;
  $index: unknown;
  $value: unknown;
}

export type Compiled = (env: Env) => unknown;

/** The message reported for a failure; a stack overflow can only come from absurdly nested data. */
export function failureMessage(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'the data is nested too deeply';
  return e instanceof Error ? e.message : String(e);
}

export const truthy = (v: unknown): boolean => !(v === null || v === undefined || v === false || v === 0 || v === '' || Number.isNaN(v));

export function compileExpr(e: Expr): Compiled {
  switch (e.type) {
    case 'literal': {
      const v = e.value;
      return () => v;
    }
    case 'name':
      return compileName(e.name);
    case 'item':
      return (env) => env.item;
    case 'member': {
      const obj = compileExpr(e.object);
      const name = e.name;
      return (env) => readProperty(obj(env), name);
    }
    case 'index': {
      const obj = compileExpr(e.object);
      const index = compileExpr(e.index);
      return (env) => {
        const o = obj(env);
        const k = index(env);
        if (typeof k !== 'string' && !(typeof k === 'number' && Number.isInteger(k))) return fail(`cannot use ${describe(k)} as an index`);
        return readProperty(o, k);
      };
    }
    case 'each':
      return compileEach(compileExpr(e.list), compileExpr(e.body));
    case 'call':
      return compileCall(e.fn, e.args.map(compileExpr));
    case 'unary': {
      const arg = compileExpr(e.arg);
      return e.op === '!' ? (env) => !truthy(arg(env)) : (env) => -num('-', arg(env));
    }
    case 'binary':
      return compileBinary(e.op, compileExpr(e.left), compileExpr(e.right));
    case 'cond': {
      const [test, then, otherwise] = [compileExpr(e.test), compileExpr(e.then), compileExpr(e.else)];
      return (env) => (truthy(test(env)) ? then(env) : otherwise(env));
    }
    case 'array': {
      const items = e.items.map(compileExpr);
      return (env) => items.map((f) => f(env));
    }
    case 'object': {
      // Keys were checked against FORBIDDEN_NAMES by the parser, so plain assignment is safe here.
      const entries = e.entries.map(({ key, value }) => [key, compileExpr(value)] as const);
      return (env) => {
        const out: Record<string, unknown> = {};
        for (const [k, f] of entries) out[k] = f(env);
        return out;
      };
    }
  }
}

function compileName(name: string): Compiled {
  switch (name) {
    case '$now':
      return (env) => env.ctx.now ?? fail('$now is not available: the host passed no time in the context');
    case '$item':
      return (env) => env.$item;
    case '$index':
      return (env) => env.$index;
    case '$value':
      return (env) => env.$value;
    default:
      return (env) => readProperty(env.scope, name);
  }
}

function compileEach(list: Compiled, body: Compiled): Compiled {
  return (env) => {
    const l = list(env);
    if (l === null) return null;
    if (!Array.isArray(l)) return fail(`[] expects a list, got ${describe(l)}`);
    const saved = env.item;
    try {
      return l.map((el: unknown) => {
        env.item = el;
        return body(env);
      });
    } finally {
      env.item = saved;
    }
  };
}

function compileCall(name: string, args: Compiled[]): Compiled {
  const def = getFunction(name)!;
  const { impl, nullSafe } = def;
  return (env) => {
    const values = args.map((a) => a(env));
    if (nullSafe && values[0] === null) return null;
    const r = impl(values, env.ctx);
    return r === undefined ? null : r;
  };
}

function compileBinary(op: BinaryOp, l: Compiled, r: Compiled): Compiled {
  switch (op) {
    case '&&':
      return (env) => {
        const a = l(env);
        return truthy(a) ? r(env) : a;
      };
    case '||':
      return (env) => {
        const a = l(env);
        return truthy(a) ? a : r(env);
      };
    case '??':
      return (env) => l(env) ?? r(env);
    case '==':
      return (env) => equal(l(env), r(env));
    case '!=':
      return (env) => !equal(l(env), r(env));
    default:
      return (env) => arithmetic(op, l(env), r(env));
  }
}

function arithmetic(op: BinaryOp, a: unknown, b: unknown): unknown {
  if (op === '+' && (typeof a === 'string' || typeof b === 'string')) {
    if (a === null || b === null || typeof a === 'object' || typeof b === 'object') return fail(`cannot join ${describe(a)} and ${describe(b)} with +`);
    return String(a) + String(b);
  }
  if (op === '<' || op === '<=' || op === '>' || op === '>=') return compare(op, a, b);
  const x = num(op, a);
  const y = num(op, b);
  if ((op === '/' || op === '%') && y === 0) return fail('division by zero');
  const out = op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x % y;
  return Number.isFinite(out) ? out : fail(`${op}: the result is too large`);
}

function compare(op: string, a: unknown, b: unknown): boolean {
  const bothText = typeof a === 'string' && typeof b === 'string';
  if (!bothText && !(typeof a === 'number' && typeof b === 'number')) return fail(`cannot compare ${describe(a)} with ${describe(b)}`);
  const x = a as number | string;
  const y = b as number | string;
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

/** Structural equality of data values; no type coercion ("1" != 1). */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  }
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && equal(readProperty(a, k), readProperty(b, k)));
}
