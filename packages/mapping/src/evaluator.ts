// Turns a checked AST into nested closures once, so evaluating a record is plain function calls.
// Operators are strict where JS is loose: no implicit object coercion, no NaN/Infinity results.
import { type BinaryOp, type Expr, FORBIDDEN_NAMES } from './ast';
import { markBuilt, readAllowed, readProperty, startEvaluation } from './access';
import { type EvalContext, fail, ValueFailure } from './context';
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
  /** Values of static scope paths already read in this evaluation, by slot (see PathSlots). */
  memo: unknown[];
}

/** Numbers the static scope paths (`trigger.box.fields`) of everything compiled together, so each is
 * read once per evaluation however many fields use it. The scope never changes during an evaluation. */
export class PathSlots {
  private readonly slots = new Map<string, number>();
  slot(path: string): number {
    let n = this.slots.get(path);
    if (n === undefined) this.slots.set(path, (n = this.slots.size));
    return n;
  }
  get size(): number {
    return this.slots.size;
  }
}

export function newEnv(scope: unknown, ctx: EvalContext, slots: number): Env {
  startEvaluation();
  return { scope, ctx, item: null, $item: null, $index: null, $value: null, memo: new Array<unknown>(slots) };
}

/** The path key of a scope-rooted chain of static names, or undefined. */
function staticPath(e: Expr): string | undefined {
  if (e.type === 'name') return e.name.startsWith('$') ? undefined : e.name;
  if (e.type === 'member') {
    const base = staticPath(e.object);
    return base === undefined ? undefined : `${base}.${e.name}`;
  }
  if (e.type === 'index' && e.index.type === 'literal' && (typeof e.index.value === 'string' || typeof e.index.value === 'number')) {
    const base = staticPath(e.object);
    return base === undefined ? undefined : `${base}[${JSON.stringify(e.index.value)}]`;
  }
  return undefined;
}

function memoized(slot: number, read: Compiled): Compiled {
  return (env) => {
    const cached = env.memo[slot];
    if (cached !== undefined) return cached;
    return (env.memo[slot] = read(env));
  };
}

export type Compiled = (env: Env) => unknown;

/** The message reported for a failure; a stack overflow can only come from absurdly nested data. */
export function failureMessage(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'the data is nested too deeply';
  return e instanceof ValueFailure || e instanceof Error ? e.message : String(e);
}

export const truthy = (v: unknown): boolean => !(v === null || v === undefined || v === false || v === 0 || v === '' || Number.isNaN(v));

export function compileExpr(e: Expr, slots: PathSlots): Compiled {
  const path = staticPath(e);
  if (path === undefined) return compileNode(e, slots);
  const slot = slots.slot(path);
  // A static member read is one closure that checks the memo and reads, not a memo wrapper around a reader.
  if (e.type === 'member') {
    const obj = compileExpr(e.object, slots);
    const key = propertyKey(e.name);
    const read = readerOf(key);
    return (env) => {
      const cached = env.memo[slot];
      if (cached !== undefined) return cached;
      return (env.memo[slot] = read(obj(env), key));
    };
  }
  return memoized(slot, compileNode(e, slots));
}

/** `fields.1001`: a canonical integer name is the same property as the number 1001, which V8 finds faster. */
const propertyKey = (name: string): string | number => (/^(0|[1-9]\d{0,8})$/.test(name) ? Number(name) : name);

/** How to read a name written in the expression: its forbidden-name check is done here, once, not per record. */
const readerOf = (key: string | number): typeof readProperty => (typeof key === 'string' && FORBIDDEN_NAMES.has(key) ? readProperty : readAllowed);

function compileNode(e: Expr, slots: PathSlots): Compiled {
  const sub = (x: Expr) => compileExpr(x, slots);
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
      const obj = sub(e.object);
      const key = propertyKey(e.name);
      const read = readerOf(key);
      return (env) => read(obj(env), key);
    }
    case 'index': {
      const obj = sub(e.object);
      const index = sub(e.index);
      return (env) => {
        const o = obj(env);
        const k = index(env);
        if (typeof k !== 'string' && !(typeof k === 'number' && Number.isInteger(k))) return fail(`cannot use ${describe(k)} as an index`);
        return readProperty(o, k);
      };
    }
    case 'each':
      return compileEach(compileElements(e.list, slots), sub(e.body));
    case 'call':
      return compileCall(e.fn, e.args.map(sub));
    case 'unary': {
      const arg = sub(e.arg);
      return e.op === '!' ? (env) => !truthy(arg(env)) : (env) => -num('-', arg(env));
    }
    case 'binary':
      return compileBinary(e.op, sub(e.left), sub(e.right));
    case 'cond': {
      const [test, then, otherwise] = [sub(e.test), sub(e.then), sub(e.else)];
      return (env) => (truthy(test(env)) ? then(env) : otherwise(env));
    }
    case 'array': {
      const items = e.items.map(sub);
      return (env) => markBuilt(items.map((f) => f(env)));
    }
    case 'object': {
      // Keys were checked against FORBIDDEN_NAMES by the parser, so plain assignment is safe here.
      const entries = e.entries.map(({ key, value }) => [key, sub(value)] as const);
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
    default: {
      const read = readerOf(name);
      return (env) => read(env.scope, name);
    }
  }
}

/** The elements of the list `e` evaluates to, read through the safe accessor into a fresh array (null for
 * null). For a static path the copy is kept for the evaluation, so every field iterating it shares one read. */
export function compileElements(e: Expr, slots: PathSlots): (env: Env) => unknown[] | null {
  const list = compileExpr(e, slots);
  const read = (env: Env): unknown[] | null => {
    const l = list(env);
    if (l === null) return null;
    if (!Array.isArray(l)) return fail(`[] expects a list, got ${describe(l)}`);
    const copy = new Array<unknown>(l.length);
    for (let i = 0; i < l.length; i++) copy[i] = readAllowed(l, i);
    return markBuilt(copy);
  };
  const path = staticPath(e);
  return path === undefined ? read : (memoized(slots.slot(`${path}[]`), read) as (env: Env) => unknown[] | null);
}

// No try/finally around the loop: after a failure, whatever catches it (a field, an element of a field) sets
// `item` again before anything reads it.
function compileEach(elements: (env: Env) => unknown[] | null, body: Compiled): Compiled {
  return (env) => {
    const l = elements(env);
    if (l === null) return null;
    const saved = env.item;
    const out = new Array<unknown>(l.length);
    for (let i = 0; i < l.length; i++) {
      env.item = l[i];
      out[i] = body(env);
    }
    env.item = saved;
    return markBuilt(out);
  };
}

function compileCall(name: string, args: Compiled[]): Compiled {
  const { impl, nullSafe } = getFunction(name)!;
  // Unrolled for the common arities: calls are the bulk of mapping work.
  if (args.length === 1) {
    const [a] = args as [Compiled];
    return (env) => {
      const v = a(env);
      return nullSafe && v === null ? null : (impl([v], env.ctx) ?? null);
    };
  }
  if (args.length === 2) {
    const [a, b] = args as [Compiled, Compiled];
    return (env) => {
      const v = a(env);
      return nullSafe && v === null ? null : (impl([v, b(env)], env.ctx) ?? null);
    };
  }
  if (args.length === 3) {
    const [a, b, c] = args as [Compiled, Compiled, Compiled];
    // From three arguments up every argument is evaluated before the null check, as the general case does.
    return (env) => {
      const values = [a(env), b(env), c(env)];
      return nullSafe && values[0] === null ? null : (impl(values, env.ctx) ?? null);
    };
  }
  return (env) => {
    const values = args.map((a) => a(env));
    return nullSafe && values[0] === null ? null : (impl(values, env.ctx) ?? null);
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
