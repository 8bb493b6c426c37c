// The only way the evaluator reads data. It sees own data properties of plain objects and arrays:
// no prototypes, no getters (they would run host code), no functions, no class instances.
import { FORBIDDEN_NAMES } from './ast';
import { fail } from './context';

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

// Lists the evaluator builds itself ([] paths, list literals, copies of source lists) hold only values that came
// through this guard, so a function taking one needs no second guarded copy (list() in functions/define.ts).
// The last few built in the current evaluation are remembered by identity; a list the host could have changed
// (one an earlier evaluation returned) is never among them, because each evaluation starts with none.
const BUILT_REMEMBERED = 8;
const built = new Array<unknown[] | undefined>(BUILT_REMEMBERED).fill(undefined);
let builtCount = 0;
let nextBuilt = 0;

export function startEvaluation(): void {
  for (let i = 0; i < builtCount; i++) built[i] = undefined;
  builtCount = nextBuilt = 0;
}

export function markBuilt(list: unknown[]): unknown[] {
  built[nextBuilt] = list;
  nextBuilt = (nextBuilt + 1) % BUILT_REMEMBERED;
  if (builtCount < BUILT_REMEMBERED) builtCount++;
  return list;
}

export function isBuilt(list: unknown[]): boolean {
  for (let i = 0; i < builtCount; i++) if (built[i] === list) return true;
  return false;
}

/** Reads a key computed at run time: a forbidden name of a plain object is an error. */
export function readProperty(obj: unknown, key: string | number): unknown {
  if (typeof key === 'string' && FORBIDDEN_NAMES.has(key) && isPlainObject(obj)) return fail(`property '${key}' is not accessible: expressions read only plain data`);
  return readAllowed(obj, key);
}

/** readProperty for a key already known not to be a forbidden name: a static path checked when it was
 * compiled, or a list index. Integer keys (Streak field keys like 1001) are never forbidden names. */
export function readAllowed(obj: unknown, key: string | number): unknown {
  if (obj === null || obj === undefined) return null;
  if (typeof obj !== 'object') return fail(`cannot read '${String(key)}' of ${kindOf(obj)}`);
  if (Array.isArray(obj)) {
    const i = typeof key === 'number' ? key : /^\d+$/.test(key) ? Number(key) : NaN;
    if (!Number.isSafeInteger(i) || i < 0) return fail(`cannot read '${String(key)}' of a list; use [n] for one element or [] for each`);
    return own(obj, i, key);
  }
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) return fail(`cannot read '${String(key)}' of ${kindOf(obj)}`);
  return own(obj, key, key);
}

// The descriptor is the price of never calling a getter: it is the one JS call that says whether a property
// is data without running an accessor (measured against hasOwn + __lookupGetter__: no faster).
// `name` is what is looked up, `key` what the expression wrote (`lines['01']` reads element 1).
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
