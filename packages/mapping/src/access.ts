// The only way the evaluator reads data. It sees own data properties of plain objects and arrays:
// no prototypes, no getters (they would run host code), no functions, no class instances.
import { FORBIDDEN_NAMES } from './ast';
import { fail } from './context';

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function readProperty(obj: unknown, key: string | number): unknown {
  if (obj === null || obj === undefined) return null;
  if (Array.isArray(obj)) {
    const i = typeof key === 'number' ? key : /^\d+$/.test(key) ? Number(key) : NaN;
    if (!Number.isSafeInteger(i) || i < 0) return fail(`cannot read '${String(key)}' of a list; use [n] for one element or [] for each`);
    return own(obj, i, key);
  }
  if (typeof obj !== 'object') return fail(`cannot read '${String(key)}' of ${kindOf(obj)}`);
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) return fail(`cannot read '${String(key)}' of ${kindOf(obj)}`);
  // Integer keys (Streak field keys like 1001) are never forbidden names, and V8 finds them faster as numbers.
  if (typeof key === 'number') return own(obj, key, key);
  if (FORBIDDEN_NAMES.has(key)) return fail(`property '${key}' is not accessible: expressions read only plain data`);
  return own(obj, key, key);
}

function own(obj: object, name: string | number, key: string | number): unknown {
  const d = Object.getOwnPropertyDescriptor(obj, name);
  if (d === undefined) return null;
  if (!('value' in d)) return fail(`property '${String(key)}' is computed by code, not data, and cannot be read`);
  const v: unknown = d.value;
  if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return fail(`property '${String(key)}' is not data and cannot be read`);
  return v === undefined ? null : v;
}

function kindOf(v: unknown): string {
  if (typeof v === 'string') return 'text';
  if (typeof v === 'object') return 'a non-plain object';
  return `a ${typeof v}`;
}
