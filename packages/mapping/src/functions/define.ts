// How a library function is declared. Implementations receive already-evaluated arguments and throw
// ValueFailure (via fail) for bad data; the evaluator turns that into an error value for the field.
import { type EvalContext, fail } from '../context';
import { isBuilt, isPlainObject, readAllowed } from '../access';
import { type Type } from '../types';

export type Category = 'text' | 'number' | 'date' | 'address' | 'currency' | 'table' | 'list' | 'logic' | 'sage';

export interface ParamDef {
  name: string;
  type: Type;
  optional?: boolean;
  /** Takes all remaining arguments. */
  rest?: boolean;
}

export interface FunctionDef {
  name: string;
  category: Category;
  description: string;
  params: ParamDef[];
  returns: Type;
  /** A null first argument returns null without calling impl, so missing source data flows through a chain. */
  nullSafe?: boolean;
  /** Result type from argument types, when it depends on them (first(list) → element type). */
  infer?: (args: Type[]) => Type;
  impl: (args: unknown[], ctx: EvalContext) => unknown;
}

/** How many arguments a call may pass. */
export function arityOf(def: FunctionDef): { min: number; max: number } {
  return { min: def.params.filter((x) => !x.optional && !x.rest).length, max: def.params.some((x) => x.rest) ? Infinity : def.params.length };
}

export function describeArity({ min, max }: { min: number; max: number }): string {
  return min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
}

export const defineFunctions = (defs: FunctionDef[]): FunctionDef[] => defs;

export function p(name: string, type: Type, opts: { optional?: boolean; rest?: boolean } = {}): ParamDef {
  return { name, type, ...opts };
}

export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return `text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  return Array.isArray(v) ? 'a list' : 'an object';
}

/** Text argument; numbers and booleans are accepted and printed, since source data mixes them freely. */
export function text(fn: string, v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return fail(`${fn}: expected text, got ${describe(v)}`);
}

/** Longest text a function may build: replace and join multiply their input, and a workflow keeps every value in memory. */
export const MAX_TEXT = 1_000_000;

export function checkTextSize(fn: string, size: number): void {
  if (size > MAX_TEXT) fail(`${fn}: the result would be ${size} characters, more than ${MAX_TEXT}`);
}

/** The number in decimal text like "12.50", " 3 " or "1e3"; undefined otherwise (also for "0x1A", "", "Infinity"). */
export function decimalText(s: string): number | undefined {
  const n = Number(s);
  if (!Number.isFinite(n)) return undefined;
  // Number() also reads blank text as 0 and "0x1A", "0o7", "0b1" in other bases: decimal text has a digit and
  // none of x, o, b. A character scan, because this runs for every numeric CRM field.
  let digit = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 32; // ASCII letters in lower case; digits keep their codes
    if (c === 120 || c === 111 || c === 98) return undefined;
    if (c >= 48 && c <= 57) digit = true;
  }
  return digit ? n : undefined;
}

/** Number argument; numeric text ("12.50", " 3 ") is accepted because CRM fields are often text. */
export function num(fn: string, v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const n = typeof v === 'string' ? decimalText(v) : undefined;
  return n ?? fail(`${fn}: expected a number, got ${describe(v)}`);
}

export function int(fn: string, v: unknown): number {
  const n = num(fn, v);
  if (!Number.isInteger(n)) fail(`${fn}: expected a whole number, got ${n}`);
  return n;
}

/** A list argument, copied through the safe accessor so functions never trigger a getter on an element; a list
 * the evaluator built in this evaluation is returned as it is. Either way the caller must not change it. */
export function list(fn: string, v: unknown): readonly unknown[] {
  if (!Array.isArray(v)) return fail(`${fn}: expected a list, got ${describe(v)}`);
  if (isBuilt(v)) return v;
  const out = new Array<unknown>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = readAllowed(v, i);
  return out;
}

export function record(fn: string, v: unknown): Record<string, unknown> {
  if (isPlainObject(v)) return v;
  return fail(`${fn}: expected an object, got ${describe(v)}`);
}

export const optional = <R>(v: unknown, read: (v: unknown) => R, fallback: R): R => (v === undefined || v === null ? fallback : read(v));
