// Static result types for the editor: what an expression yields given the type of the scope, and
// warnings where a value cannot fit (reading a field a closed object lacks, text into a number).
import { type Expr } from './ast';
import { getFunction } from './functions';
import { parseExpression } from './parser';
import { compat, nonNull, T, type Type, typeToString, union } from './types';

export interface TypeWarning {
  message: string;
  offset: number;
}

export interface InferOptions {
  /** Type of `$item` (per-element fields). */
  item?: Type;
  /** Type of `$value` (the transformed source inside a field's expression). */
  value?: Type;
}

export interface InferResult {
  type: Type;
  warnings: TypeWarning[];
  /** Set when the expression does not parse; type is then `any`. */
  error?: { message: string; offset: number };
}

export function inferType(expr: string | Expr, scope: Type, opts: InferOptions = {}): InferResult {
  let ast: Expr;
  if (typeof expr === 'string') {
    const r = parseExpression(expr);
    if (!r.ok) return { type: T.any, warnings: [], error: r.error };
    ast = r.ast;
  } else ast = expr;
  const warnings: TypeWarning[] = [];
  const type = new Inferrer(scope, opts, warnings).infer(ast, []);
  return { type, warnings };
}

/** Only an explicit null makes a result nullable; `any` stays `any` so untyped sources stay quiet. */
export const hasNull = (t: Type): boolean => t.kind === 'null' || (t.kind === 'union' && t.types.some((x) => x.kind === 'null'));

class Inferrer {
  constructor(
    private readonly scope: Type,
    private readonly opts: InferOptions,
    private readonly warnings: TypeWarning[],
  ) {}

  private warn(offset: number, message: string): Type {
    this.warnings.push({ message, offset });
    return T.any;
  }

  infer(e: Expr, items: Type[]): Type {
    switch (e.type) {
      case 'literal':
        return e.value === null ? T.null : typeof e.value === 'string' ? T.string : typeof e.value === 'number' ? T.number : T.boolean;
      case 'name':
        return e.name === '$now' || e.name === '$index' ? T.number : e.name === '$item' ? (this.opts.item ?? T.any) : e.name === '$value' ? (this.opts.value ?? T.any) : this.member(this.scope, e.name, e.offset);
      case 'item':
        return items.at(-1) ?? T.any;
      case 'member':
        return this.member(this.infer(e.object, items), e.name, e.offset);
      case 'index': {
        const obj = this.infer(e.object, items);
        if (e.index.type === 'literal' && e.index.value !== null && typeof e.index.value !== 'boolean') return this.member(obj, String(e.index.value), e.offset);
        this.infer(e.index, items);
        return T.any;
      }
      case 'each': {
        const list = this.infer(e.list, items);
        const element = this.elementOf(list, e.offset);
        const body = this.infer(e.body, [...items, element]);
        return hasNull(list) ? T.optional(T.array(body)) : T.array(body);
      }
      case 'call':
        return this.call(e, items);
      case 'unary':
        this.infer(e.arg, items);
        return e.op === '!' ? T.boolean : T.number;
      case 'binary':
        return this.binary(e, items);
      case 'cond':
        this.infer(e.test, items);
        return union([this.infer(e.then, items), this.infer(e.else, items)]);
      case 'array':
        return T.array(e.items.length ? union(e.items.map((x) => this.infer(x, items))) : T.any);
      case 'object':
        return T.object(Object.fromEntries(e.entries.map(({ key, value }) => [key, this.infer(value, items)])), false);
    }
  }

  private member(t: Type, name: string, offset: number): Type {
    switch (t.kind) {
      case 'any':
      case 'null':
        return t;
      case 'union':
        return union(t.types.map((x) => (x.kind === 'null' ? T.null : this.member(x, name, offset))));
      case 'object':
        if (Object.hasOwn(t.props, name)) return t.props[name]!;
        return t.open ? T.any : (this.warn(offset, `there is no field '${name}' in ${typeToString(t)}`), T.null);
      case 'array':
        return /^\d+$/.test(name) ? T.optional(t.items) : this.warn(offset, `cannot read '${name}' of a list; use [] to read it from each element`);
      default:
        return this.warn(offset, `cannot read '${name}' of a ${t.kind}`);
    }
  }

  private elementOf(t: Type, offset: number): Type {
    const nn = nonNull(t);
    if (nn.kind === 'any') return T.any;
    if (nn.kind === 'array') return nn.items;
    if (nn.kind === 'union' && nn.types.every((x) => x.kind === 'array')) return union(nn.types.map((x) => (x as { items: Type }).items));
    return this.warn(offset, `[] needs a list, but this is ${typeToString(t)}`);
  }

  private call(e: Extract<Expr, { type: 'call' }>, items: Type[]): Type {
    const def = getFunction(e.fn)!;
    const args = e.args.map((a) => this.infer(a, items));
    args.forEach((a, i) => {
      const param = def.params[Math.min(i, def.params.length - 1)]!;
      const checked = i === 0 && def.nullSafe ? nonNull(a) : a;
      if (checked.kind !== 'null' && compat(checked, param.type) === 'no' && !coercible(checked, param.type)) {
        this.warn(e.args[i]!.offset, `${def.name}: ${param.name} expects ${typeToString(param.type)}, got ${typeToString(a)}`);
      }
    });
    const result = def.infer ? def.infer(args) : def.returns;
    return def.nullSafe && args[0] && hasNull(args[0]) ? T.optional(result) : result;
  }

  private binary(e: Extract<Expr, { type: 'binary' }>, items: Type[]): Type {
    const l = this.infer(e.left, items);
    const r = this.infer(e.right, items);
    switch (e.op) {
      case '&&':
      case '||':
        return union([l, r]);
      case '??':
        return union([nonNull(l), r]);
      case '==':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
        return T.boolean;
      case '+':
        if (l.kind === 'any' || r.kind === 'any') return T.any;
        if (compat(l, T.number) === 'ok' && compat(r, T.number) === 'ok') return T.number;
        if (compat(l, T.string) !== 'no' || compat(r, T.string) !== 'no') return T.string;
        return this.warn(e.offset, `cannot add ${typeToString(l)} and ${typeToString(r)}`);
      default:
        for (const [side, t] of [[e.left, l], [e.right, r]] as const) {
          if (compat(t, T.union(T.number, T.string)) === 'no') this.warn(side.offset, `${e.op} needs numbers, got ${typeToString(t)}`);
        }
        return T.number;
    }
  }
}

/** Runtime coercions the library accepts: numeric text where numbers are expected, numbers/booleans printed as text. */
export const coercible = (from: Type, to: Type): boolean =>
  (compat(to, T.number) !== 'no' && compat(from, T.string) !== 'no') || (compat(to, T.string) !== 'no' && compat(from, T.union(T.number, T.boolean)) !== 'no');
