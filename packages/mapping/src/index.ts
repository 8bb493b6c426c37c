// Public surface of @conduit/mapping: the pure mapping/expression language. See README.md.
export { parseExpression, type ParseResult } from './parser';
export { type Expr, type BinaryOp, FORBIDDEN_NAMES, CONTEXT_VARIABLES } from './ast';
export { type EvalContext } from './context';
export { MappingSpecSchema, MappingFieldSchema, TransformSchema } from './schema';
export { type MappingSpec, type MappingField, type Transform } from './spec';
export { checkMapping, compileMapping } from './check';
export {
  compileValidMapping,
  evaluate,
  MappingCompileError,
  type CompiledMapping,
  type EvaluationResult,
  type FieldError,
  type MappingPart,
  type MappingProblem,
} from './mapping';
export { compileExpression, evaluateExpression, isTruthy, ExpressionCompileError, type CompiledExpression, type ExpressionResult } from './expression';
export { FUNCTIONS, type FunctionInfo } from './functions';
export { type Category } from './functions/define';
export { inferType, type InferOptions, type InferResult, type TypeWarning } from './infer';
export { typecheckMapping, inferMappingOutput, type MappingTypeProblem, type TypecheckOptions } from './typecheck';
export { fromJsonSchema, ofValue, type JsonSchema } from './jsonSchema';
export { T, compat, typeToString, union, nonNull, type Type, type Compat } from './types';
export { seededRandom, type Random } from './random';
