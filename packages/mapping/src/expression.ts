// Single expressions outside a mapping: conditions, switch cases, approval messages.
import { type EvalContext } from './context';
import { compileExpr, type Compiled, failureMessage, newEnv, PathSlots, truthy } from './evaluator';
import { parseExpression } from './parser';

export interface CompiledExpression {
  readonly source: string;
  /** @internal */
  readonly run: Compiled;
  /** @internal */
  readonly slots: number;
}

export type ExpressionResult = { ok: true; value: unknown } | { ok: false; error: string };

export class ExpressionCompileError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses and compiles; throws ExpressionCompileError (message + offset) when parseExpression fails. */
export function compileExpression(source: string): CompiledExpression {
  const r = parseExpression(source);
  if (!r.ok) throw new ExpressionCompileError(r.error.message, r.error.offset);
  const slots = new PathSlots();
  const run = compileExpr(r.ast, slots);
  return { source, run, slots: slots.size };
}

/** Never throws for bad data: a failing expression returns { ok: false, error }. */
export function evaluateExpression(expr: CompiledExpression, scope: unknown, ctx: EvalContext = {}): ExpressionResult {
  try {
    return { ok: true, value: expr.run(newEnv(scope, ctx, expr.slots)) };
  } catch (e) {
    return { ok: false, error: failureMessage(e) };
  }
}

/** Truthiness as conditions use it: null, false, 0, "" and NaN are false; everything else is true. */
export const isTruthy = truthy;
