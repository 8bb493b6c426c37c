// Declarative mappings: target ← source path | transforms | expression, with when/default/required.
// A mapping is checked and compiled once (per flow version); evaluate() never throws for bad data,
// it returns the error with the target field instead.
import { type Expr } from './ast';
import { readProperty } from './access';
import { fail, type EvalContext } from './context';
import { compileElements, compileExpr as compileScoped, type Compiled, type Env, failureMessage, newEnv, PathSlots, truthy } from './evaluator';
import { getFunction } from './functions';
import { arityOf, describe, describeArity, type FunctionDef } from './functions/define';
import { parseExpression } from './parser';
import { listOf, OutputLayout, type Place, type Staging, writeAt } from './output';
import { conflicts, parseTarget, type TargetPath, targetKey, writerFor } from './paths';
import { type MappingField, type MappingSpec } from './spec';

export type MappingPart = 'spec' | 'target' | 'source' | 'transforms' | 'expression' | 'when';

export interface MappingProblem {
  /** The target of the field, or '' for problems with the spec as a whole. */
  field: string;
  part: MappingPart;
  message: string;
  /** Offset in the source/expression/when text, for the editor to underline. */
  offset?: number;
}

export interface FieldError {
  /** Target of the field; per-element fields name the element: `Lines[2].ItemCode`. */
  field: string;
  message: string;
}

export interface EvaluationResult {
  value: Record<string, unknown>;
  errors: FieldError[];
}

/** A field with [] in its target: a closure that runs its own loop over the elements. */
type Runner = (env: Env, out: Staging, errors: FieldError[]) => void;

/** A field with one value (no [] in its target). Plain data that evaluate() runs itself: most fields are like
 * this, and a call through a closure per field was a measurable part of a 30-field evaluation. */
interface HeaderField {
  target: string;
  cond: Compiled | undefined;
  compute: Compiled;
  fallback: unknown;
  required: boolean;
  at: Place;
}

export interface CompiledMapping {
  readonly spec: MappingSpec;
  /** @internal */
  readonly fields: ReadonlyArray<HeaderField | Runner>;
  /** @internal */
  readonly slots: number;
  /** @internal */
  readonly output: OutputLayout;
}

export class MappingCompileError extends Error {
  constructor(readonly problems: MappingProblem[]) {
    super(`mapping is invalid: ${problems.map((p) => `${p.field || 'spec'} (${p.part}): ${p.message}`).join('; ')}`);
  }
}

/**
 * Compiles a spec that already passed checkMapping (a saved flow version): no shape validation, so workflow
 * code needs no schema library. Throws MappingCompileError for problems the shape check cannot see.
 * Untrusted specs go through compileMapping (check.ts).
 */
export function compileValidMapping(spec: MappingSpec): CompiledMapping {
  const { problems, compiled } = analyzeMapping(spec);
  if (!compiled) throw new MappingCompileError(problems);
  return compiled;
}

export function evaluate(mapping: CompiledMapping, scope: unknown, ctx: EvalContext = {}): EvaluationResult {
  const out = mapping.output.stage();
  const errors: FieldError[] = [];
  const env = newEnv(scope, ctx, mapping.slots);
  const fields = mapping.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (typeof field === 'function') field(env, out, errors);
    else runHeader(field, env, out, errors);
  }
  return { value: mapping.output.build(out), errors };
}

function runHeader(field: HeaderField, env: Env, out: Staging, errors: FieldError[]): void {
  try {
    if (field.cond && !truthy(field.cond(env))) return;
    const v = finish(field.compute(env), field.fallback, field.required);
    if (v !== SKIP) writeAt(out, field.at, v);
  } catch (e) {
    env.$value = null;
    errors.push({ field: field.target, message: failureMessage(e) });
  }
}

/** Paths, functions, expressions and conflicting targets of a well-shaped spec. Never throws. */
export function analyzeMapping(spec: MappingSpec): { problems: MappingProblem[]; compiled?: CompiledMapping } {
  const problems: MappingProblem[] = [];
  const keys: Array<{ field: string; key: string[] }> = [];
  const fields: Array<HeaderField | Runner> = [];
  const slots = new PathSlots();
  const output = new OutputLayout();
  for (const [index, field] of spec.fields.entries()) {
    const report = (part: MappingPart, message: string, offset?: number) => problems.push({ field: field.target, part, message, ...(offset === undefined ? {} : { offset }) });
    const target = parseTarget(field.target);
    if (typeof target === 'string') {
      report('target', target);
      continue;
    }
    const key = targetKey(target);
    const clash = keys.find((k) => conflicts(k.key, key));
    if (clash) report('target', clash.field === field.target ? 'is mapped twice' : `conflicts with "${clash.field}"`);
    keys.push({ field: field.target, key });
    const compiled = compileField(field, target, report, slots, output.place(target.head, index));
    if (compiled) fields.push(compiled);
  }
  return problems.length ? { problems } : { problems, compiled: { spec, fields, slots: slots.size, output } };
}

type Report = (part: MappingPart, message: string, offset?: number) => void;

function parsePart(src: string | undefined, part: MappingPart, report: Report): Expr | undefined | false {
  if (src === undefined) return undefined;
  const r = parseExpression(src);
  if (!r.ok) {
    report(part, r.error.message, r.error.offset);
    return false;
  }
  return r.ast;
}

const isPath = (e: Expr): boolean =>
  e.type === 'name' || e.type === 'item' || ((e.type === 'member' || e.type === 'index') && isPath(e.object) && (e.type === 'member' || e.index.type === 'literal')) || (e.type === 'each' && isPath(e.list) && isPath(e.body));

/** One transform: called with the value first, then the transform's own arguments. */
interface Step {
  impl: FunctionDef['impl'];
  args: unknown[];
}

function compileTransforms(field: MappingField, report: Report): Step[] | undefined {
  const steps: Step[] = [];
  for (const [i, t] of (field.transforms ?? []).entries()) {
    const def: FunctionDef | undefined = getFunction(t.fn);
    const args = t.args ?? [];
    if (!def) {
      report('transforms', `transform ${i + 1}: unknown function '${t.fn}'`);
      continue;
    }
    const arity = arityOf(def);
    if (args.length + 1 < arity.min || args.length + 1 > arity.max) {
      report('transforms', `transform ${i + 1}: ${t.fn} takes ${describeArity(arity)} arguments including the value, got ${args.length + 1}`);
      continue;
    }
    steps.push({ impl: def.impl, args });
  }
  return steps.length === (field.transforms ?? []).length ? steps : undefined;
}

// A plain function, not a closure per step, so the call is direct; the argument list is a literal for the
// usual arities (spreading the transform's arguments allocated through the iterator protocol every call).
function applyStep({ impl, args }: Step, v: unknown, ctx: EvalContext): unknown {
  switch (args.length) {
    case 0:
      return impl([v], ctx) ?? null;
    case 1:
      return impl([v, args[0]], ctx) ?? null;
    case 2:
      return impl([v, args[0], args[1]], ctx) ?? null;
    default:
      return impl([v, ...args], ctx) ?? null;
  }
}

function compileField(field: MappingField, target: TargetPath, report: Report, slots: PathSlots, at: Place): HeaderField | Runner | undefined {
  const compileExpr = (e: Expr) => compileScoped(e, slots);
  const source = parsePart(field.source, 'source', report);
  const expression = parsePart(field.expression, 'expression', report);
  const when = parsePart(field.when, 'when', report);
  const transforms = compileTransforms(field, report);
  if (source && !isPath(source)) report('source', 'must be a path like trigger.box.name; use an expression for calculations');
  if (source === undefined && expression === undefined && field.default === undefined) report('source', 'needs a source, an expression or a default');
  if (field.transforms?.length && !field.source) report('transforms', 'transforms apply to a source; without one use an expression');
  if (source === false || expression === false || when === false || !transforms || (source && !isPath(source))) return undefined;
  if (source === undefined && expression === undefined && field.default === undefined) return undefined;

  const compute = pipeline(source && source.type === 'each' && target.tail ? compileExpr(source.body) : source ? compileExpr(source) : undefined, transforms, expression ? compileExpr(expression) : undefined);
  const cond = when ? compileExpr(when) : undefined;
  // A null default is no default.
  const fallback = field.default ?? null;
  const required = !!field.required;
  if (!target.tail) return { target: field.target, cond, compute, fallback, required, at };
  const tail = target.tail;
  const writeTail = writerFor(tail);
  const perElement = source && source.type === 'each' ? compileElements(source.list, slots) : undefined;
  return (env, out, errors) => {
    let elements: unknown[];
    try {
      if (!perElement && cond && !truthy(cond(env))) return;
      const list = perElement ? perElement(env) : finish(compute(env), fallback, required);
      if (list === null || list === SKIP) return;
      elements = Array.isArray(list) ? list : fail(`${target.head.join('.')}[] needs a list, got ${describe(list)}`);
    } catch (e) {
      errors.push({ field: field.target, message: failureMessage(e) });
      return;
    }
    const dest = listOf(out, at);
    // A plain loop, not a closure per element: this is the hot path for order lines.
    for (let i = 0; i < elements.length; i++) {
      try {
        // Lists from a source path were already copied through the safe accessor; computed ones were not.
        const el = perElement ? elements[i] : readProperty(elements, i);
        // Every source element gets its output element, even if this field skips it.
        const slot = tail.length ? elementAt(dest, i) : undefined;
        let v: unknown = el;
        if (perElement) {
          env.$item = el;
          env.$index = i;
          env.item = el;
          if (cond && !truthy(cond(env))) continue;
          v = finish(compute(env), fallback, required);
          if (v === SKIP) continue;
        }
        if (slot) writeTail(slot, v);
        else dest[i] = v;
      } catch (e) {
        env.$value = null;
        errors.push({ field: `${target.head.join('.')}[${i}]${tail.length ? `.${tail.join('.')}` : ''}`, message: failureMessage(e) });
      }
    }
    env.$item = env.$index = env.item = null;
  };
}

const SKIP = Symbol('skip');

/** source → transforms (stopping at null) → expression with $value, with no work for absent parts. */
function pipeline(source: Compiled | undefined, transforms: Step[], expression: Compiled | undefined): Compiled {
  const read: Compiled = source ?? (() => null);
  const chained: Compiled = transforms.length === 0 ? read : transforms.length === 1 ? transformed(read, transforms[0]!) : (env) => {
    let v = read(env);
    for (let i = 0; i < transforms.length && v !== null; i++) v = applyStep(transforms[i]!, v, env.ctx);
    return v;
  };
  if (!expression) return chained;
  return (env) => {
    env.$value = chained(env);
    const v = expression(env);
    env.$value = null;
    return v;
  };
}

/** The common single transform, without the loop. */
function transformed(read: Compiled, step: Step): Compiled {
  return (env) => {
    const v = read(env);
    return v === null ? null : applyStep(step, v, env.ctx);
  };
}

/** The value to write: the computed one, else the default, else SKIP (nothing written) or the required error. */
function finish(v: unknown, fallback: unknown, required: boolean): unknown {
  if (v !== null && v !== undefined) return v;
  if (fallback !== null) return fallback;
  if (required) return fail('a value is required but the mapping produced none');
  return SKIP;
}

function elementAt(list: unknown[], i: number): Record<string, unknown> {
  const el = list[i];
  if (el !== null && typeof el === 'object' && !Array.isArray(el)) return el as Record<string, unknown>;
  const fresh: Record<string, unknown> = {};
  list[i] = fresh;
  return fresh;
}
