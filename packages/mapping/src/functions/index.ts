// The function library: one registry for the parser, the evaluator and the designer's autocomplete.
import { typeToString } from '../types';
import { addressFunctions } from './address';
import { dateFunctions } from './dates';
import { type Category, type FunctionDef } from './define';
import { formatFunctions } from './format';
import { lineItemFunctions } from './lineItems';
import { listFunctions } from './lists';
import { matchingFunctions } from './matching';
import { numberFunctions } from './numbers';
import { postalFunctions } from './postal';
import { sageFunctions } from './sage';
import { statsFunctions } from './stats';
import { tableFunctions } from './tables';
import { textFunctions } from './text';

const ALL: FunctionDef[] = [...textFunctions, ...numberFunctions, ...dateFunctions, ...addressFunctions, ...tableFunctions, ...listFunctions, ...lineItemFunctions, ...sageFunctions, ...matchingFunctions, ...formatFunctions, ...postalFunctions, ...statsFunctions];

// A Map, not an object: a function named "constructor" must not be found on a prototype.
const registry = new Map(ALL.map((f) => [f.name, f]));

export function getFunction(name: string): FunctionDef | undefined {
  return registry.get(name);
}

export interface FunctionInfo {
  name: string;
  category: Category;
  description: string;
  params: Array<{ name: string; type: string; optional: boolean; rest: boolean }>;
  returns: string;
  /** e.g. "padStart(value: string, length: number, fill?: string): string" */
  signature: string;
}

/** The catalog for the designer: names, descriptions and parameter/return types as display text. */
export const FUNCTIONS: readonly FunctionInfo[] = ALL.map((f) => {
  const params = f.params.map((x) => ({ name: x.name, type: typeToString(x.type), optional: !!x.optional, rest: !!x.rest }));
  const shown = params.map((x) => `${x.rest ? '...' : ''}${x.name}${x.optional ? '?' : ''}: ${x.type}`);
  return { name: f.name, category: f.category, description: f.description, params, returns: typeToString(f.returns), signature: `${f.name}(${shown.join(', ')}): ${typeToString(f.returns)}` };
});
