// Mappings from untrusted input (the editor, a flow graph being saved): the shape is validated with zod
// first, then checked and compiled like a saved one.
import { analyzeMapping, type CompiledMapping, MappingCompileError, type MappingProblem } from './mapping';
import { MappingSpecSchema } from './schema';
import { type MappingSpec } from './spec';

function analyze(input: unknown): { problems: MappingProblem[]; compiled?: CompiledMapping } {
  const parsed = MappingSpecSchema.safeParse(input);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => ({ field: '', part: 'spec', message: `${i.path.join('.') || 'spec'}: ${i.message}` })) };
  }
  return analyzeMapping(parsed.data);
}

/** All problems of a mapping spec (shape, paths, functions, expressions, conflicting targets). Never throws. */
export function checkMapping(spec: unknown): MappingProblem[] {
  return analyze(spec).problems;
}

/** Checks and compiles a spec once; throws MappingCompileError when checkMapping would report problems. */
export function compileMapping(spec: MappingSpec): CompiledMapping {
  const { problems, compiled } = analyze(spec);
  if (!compiled) throw new MappingCompileError(problems);
  return compiled;
}
