// Field-by-field type check of a mapping against the scope's type and the target's type, for the
// editor and for flow validation. Parse problems are checkMapping's job; fields that do not parse are skipped here.
import { type Expr } from './ast';
import { hasNull, coercible, inferType } from './infer';
import { ofValue } from './jsonSchema';
import { parseExpression } from './parser';
import { parseTarget, type TargetPath } from './paths';
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

interface FieldTyping {
  target: TargetPath;
  perElement: boolean;
  /** Type of the value written (per element for per-element fields). */
  type: Type;
  problems: MappingTypeProblem[];
}

function typeField(field: MappingField, scope: Type): FieldTyping | undefined {
  const problems: MappingTypeProblem[] = [];
  const add = (part: MappingPart, message: string, offset?: number) =>
    problems.push({ field: field.target, part, severity: 'warning', message, ...(offset === undefined ? {} : { offset }) });
  const target = parseTarget(field.target);
  const source = field.source === undefined ? undefined : parseExpression(field.source);
  if (typeof target === 'string' || (source && !source.ok)) return undefined;

  const perElement = !!target.tail && source?.ast.type === 'each';
  let item: Type | undefined;
  let valueExpr: Expr | undefined = source?.ast;
  if (perElement && source.ast.type === 'each') {
    const nn = nonNull(inferType(source.ast.list, scope).type);
    item = nn.kind === 'array' ? nn.items : T.any;
    valueExpr = substituteItem(source.ast.body);
  }
  let value: Type = T.null;
  if (valueExpr) {
    const chained = (field.transforms ?? []).reduce<Expr>((acc, t) => ({ type: 'call', fn: t.fn, args: [acc, ...(t.args ?? []).map(literal)], offset: 0 }), valueExpr);
    const r = inferType(chained, scope, { item });
    r.warnings.forEach((w) => add(field.transforms?.length ? 'transforms' : 'source', w.message));
    value = r.type;
  }
  if (field.expression !== undefined) {
    const r = inferType(field.expression, scope, { item, value });
    r.warnings.forEach((w) => add('expression', w.message, w.offset));
    value = r.type;
  }
  if (field.when !== undefined) inferType(field.when, scope, { item }).warnings.forEach((w) => add('when', w.message, w.offset));
  if (field.default !== undefined && field.default !== null) value = union([nonNull(value), ofValue(field.default)]);
  if (field.required && field.default === undefined && hasNull(value)) add('source', 'may produce no value, but the field is required');
  return { target, perElement, type: value, problems };
}

function checkField(field: MappingField, opts: TypecheckOptions): MappingTypeProblem[] {
  const typed = typeField(field, opts.scope);
  if (!typed) return [];
  const { target, perElement, type: value, problems } = typed;
  if (!opts.target) return problems;
  const add = (severity: 'error' | 'warning', message: string) => problems.push({ field: field.target, part: 'target', severity, message });
  const expected = targetType(opts.target, target.head, target.tail, perElement || !target.tail);
  if (expected.kind === 'missing') add('warning', expected.message);
  else {
    // Null is never written (the field is left out), so neither side's null matters here.
    const got = target.tail && !perElement ? value : nonNull(value);
    const want = nonNull(expected.type);
    const c = compat(got, want);
    if (c === 'no' && !coercible(got, want)) add('error', `${typeToString(want)} expected, but the mapping gives ${typeToString(value)}`);
    else if (c === 'maybe' && !coercible(got, want)) add('warning', `${typeToString(want)} expected, but the mapping may give ${typeToString(value)}`);
  }
  return problems;
}

/** The type of a mapping's output object: one closed object with a property per target. */
export function inferMappingOutput(spec: MappingSpec, scope: Type): Type {
  const root: Shape = new Map();
  for (const field of spec.fields) {
    const typed = typeField(field, scope);
    if (!typed) continue;
    const { head, tail } = typed.target;
    const leaf = nonNull(typed.type);
    if (!tail) place(root, head, leaf);
    else if (tail.length === 0) place(root, head, typed.perElement ? T.array(leaf) : leaf);
    else place(element(place(root, head, undefined)), tail, leaf);
  }
  return shapeType(root);
}

// A tree of targets; a node is a leaf type, a nested shape, or a list of shapes.
type Shape = Map<string, Type | Shape | { list: Shape }>;

function place(root: Shape, path: string[], leaf: Type | undefined): Shape | { list: Shape } {
  let node: Shape = root;
  for (const seg of path.slice(0, -1)) {
    const next = node.get(seg);
    if (!(next instanceof Map)) node.set(seg, new Map());
    node = node.get(seg) as Shape;
  }
  const last = path[path.length - 1]!;
  if (leaf) node.set(last, leaf);
  else if (!node.has(last)) node.set(last, { list: new Map() });
  return node.get(last) as Shape | { list: Shape };
}

const element = (s: Shape | { list: Shape }): Shape => (s instanceof Map ? s : s.list);

function shapeType(s: Shape): Type {
  const props: Record<string, Type> = {};
  for (const [k, v] of s) props[k] = v instanceof Map ? shapeType(v) : 'list' in v ? T.array(shapeType(v.list)) : v;
  return T.object(props, false);
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
