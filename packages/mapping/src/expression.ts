// Single expressions outside a mapping: conditions, switch cases, approval messages.
import { type EvalContext } from './context';
import { compileExpr, type Compiled, failureMessage, truthy } from './evaluator';
import { parseExpression } from './parser';

export interface CompiledExpression {
  readonly source: string;
  /** @internal */
  readonly run: Compiled;
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
  return { source, run: compileExpr(r.ast) };
}

/** Never throws for bad data: a failing expression returns { ok: false, error }. */
export function evaluateExpression(expr: CompiledExpression, scope: unknown, ctx: EvalContext = {}): ExpressionResult {
  try {
    return { ok: true, value: expr.run({ scope, ctx, item: null, $item: null, $index: null, $value: null }) };
  } catch (e) {
    return { ok: false, error: failureMessage(e) };
  }
}

/** Truthiness as conditions use it: null, false, 0, "" and NaN are false; everything else is true. */
export const isTruthy = truthy;
