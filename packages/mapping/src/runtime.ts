// The zod-free part of @conduit/mapping that workflow code needs: compile a saved (already checked) mapping
// or expression and evaluate it. The engine preloads this entry once per worker thread, so its modules
// (function library, lookup tables) are evaluated once instead of once per run.
export { compileValidMapping, evaluate, MappingCompileError, type CompiledMapping, type EvaluationResult, type FieldError } from './mapping';
export { compileExpression, evaluateExpression, isTruthy, ExpressionCompileError, type CompiledExpression, type ExpressionResult } from './expression';
export { type EvalContext } from './context';
export { type MappingSpec, type MappingField, type Transform } from './spec';
