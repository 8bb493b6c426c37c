// Field-by-field type check of a mapping against the scope's type and the target's type, for the
// editor and for flow validation. Parse problems are checkMapping's job; fields that do not parse are skipped here.
import { type Expr } from './ast';
import { hasNull, coercible, inferType } from './infer';
import { ofValue } from './jsonSchema';
import { parseExpression } from './parser';
import { parseTarget } from './paths';
import { type MappingField, type MappingSpec } from './spec';
import { compat, nonNull, T, type Type, typeToString, union } from './types';
import { type MappingPart } from './mapping';

export interface MappingTypeProblem {
  field: string;
  part: MappingPart;
  severity: 'error' | 'warning';
  message: string;
  offset?: number;
}

export interface TypecheckOptions {
  /** Type of the evaluation scope (e.g. { trigger, steps }). */
  scope: Type;
  /** Type of the mapping's output (e.g. an action's input); omitted means anything goes. */
  target?: Type;
}

export function typecheckMapping(spec: MappingSpec, opts: TypecheckOptions): MappingTypeProblem[] {
  return spec.fields.flatMap((f) => checkField(f, opts));
}

function checkField(field: MappingField, opts: TypecheckOptions): MappingTypeProblem[] {
  const problems: MappingTypeProblem[] = [];
  const add = (part: MappingPart, severity: 'error' | 'warning', message: string, offset?: number) =>
    problems.push({ field: field.target, part, severity, message, ...(offset === undefined ? {} : { offset }) });
  const target = parseTarget(field.target);
  const source = field.source === undefined ? undefined : parseExpression(field.source);
  if (typeof target === 'string' || (source && !source.ok)) return problems;

  const perElement = !!target.tail && source?.ast.type === 'each';
  let item: Type | undefined;
  let valueExpr: Expr | undefined = source?.ast;
  if (perElement && source.ast.type === 'each') {
    const list = inferType(source.ast.list, opts.scope);
    const nn = nonNull(list.type);
    item = nn.kind === 'array' ? nn.items : T.any;
    valueExpr = substituteItem(source.ast.body);
  }
  let value: Type = T.null;
  if (valueExpr) {
    const chained = (field.transforms ?? []).reduce<Expr>((acc, t) => ({ type: 'call', fn: t.fn, args: [acc, ...(t.args ?? []).map(literal)], offset: 0 }), valueExpr);
    const r = inferType(chained, opts.scope, { item });
    r.warnings.forEach((w) => add(field.transforms?.length ? 'transforms' : 'source', 'warning', w.message));
    value = r.type;
  }
  if (field.expression !== undefined) {
    const r = inferType(field.expression, opts.scope, { item, value });
    r.warnings.forEach((w) => add('expression', 'warning', w.message, w.offset));
    value = r.type;
  }
  if (field.when !== undefined) inferType(field.when, opts.scope, { item }).warnings.forEach((w) => add('when', 'warning', w.message, w.offset));
  if (field.default !== undefined && field.default !== null) value = union([nonNull(value), ofValue(field.default)]);
  if (field.required && field.default === undefined && hasNull(value)) add('source', 'warning', 'may produce no value, but the field is required');

  if (!opts.target) return problems;
  const expected = targetType(opts.target, target.head, target.tail, perElement || !target.tail);
  if (expected.kind === 'missing') add('target', 'warning', expected.message);
  else {
    const got = target.tail && !perElement ? value : nonNull(value);
    const c = compat(got, expected.type);
    if (c === 'no' && !coercible(got, expected.type)) add('target', 'error', `${typeToString(expected.type)} expected, but the mapping gives ${typeToString(value)}`);
    else if (c === 'maybe' && !coercible(got, expected.type)) add('target', 'warning', `${typeToString(expected.type)} expected, but the mapping may give ${typeToString(value)}`);
  }
  return problems;
}

type Expected = { kind: 'type'; type: Type } | { kind: 'missing'; message: string };

function targetType(root: Type, head: string[], tail: string[] | undefined, element: boolean): Expected {
  let t = walk(root, head);
  if (t.kind === 'missing' || !tail) return t;
  const list = nonNull(t.type);
  const items = list.kind === 'array' ? list.items : T.any;
  if (!element) return { kind: 'type', type: list };
  t = walk(items, tail);
  return t;
}

function walk(root: Type, path: string[]): Expected {
  let t = root;
  for (const seg of path) {
    const nn = nonNull(t);
    if (nn.kind === 'any') return { kind: 'type', type: T.any };
    if (nn.kind !== 'object') return { kind: 'missing', message: `the target has no field '${seg}' (it is ${typeToString(t)})` };
    if (!Object.hasOwn(nn.props, seg)) return nn.open ? { kind: 'type', type: T.any } : { kind: 'missing', message: `the target has no field '${seg}'` };
    t = nn.props[seg]!;
  }
  return { kind: 'type', type: t };
}

// In per-element fields the body of `list[].x` is evaluated with `$item`; type it the same way.
function substituteItem(e: Expr): Expr {
  switch (e.type) {
    case 'item':
      return { type: 'name', name: '$item', offset: e.offset };
    case 'member':
      return { ...e, object: substituteItem(e.object) };
    case 'index':
      return { ...e, object: substituteItem(e.object) };
    case 'each':
      return { ...e, list: substituteItem(e.list) };
    default:
      return e;
  }
}

function literal(v: unknown): Expr {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { type: 'literal', value: v, offset: 0 };
  if (Array.isArray(v)) return { type: 'array', items: v.map(literal), offset: 0 };
  if (typeof v === 'object') return { type: 'object', entries: Object.entries(v).map(([key, x]) => ({ key, value: literal(x) })), offset: 0 };
  return { type: 'literal', value: null, offset: 0 };
}
