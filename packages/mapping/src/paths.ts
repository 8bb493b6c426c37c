// Target paths (`Lines[].ItemCode`) and writing values into the output object.
import { FORBIDDEN_NAMES } from './ast';

export interface TargetPath {
  /** Segments before the `[]` (or all of them when there is none). */
  head: string[];
  /** Segments after `[]`; undefined when the target is not per element. */
  tail?: string[];
}

const SEGMENT = /^[A-Za-z0-9_$][A-Za-z0-9_$-]*$/;

export function parseTarget(target: string): TargetPath | string {
  const parts = target.split('.');
  const head: string[] = [];
  let tail: string[] | undefined;
  for (const raw of parts) {
    const isList = raw.endsWith('[]');
    const name = isList ? raw.slice(0, -2) : raw;
    if (!SEGMENT.test(name)) return `"${raw}" is not a valid name in a target path (letters, digits, _ $ -)`;
    if (FORBIDDEN_NAMES.has(name)) return `"${name}" cannot be written`;
    (tail ?? head).push(name);
    if (isList) {
      if (tail) return 'a target path may contain only one []';
      tail = [];
    }
  }
  return tail === undefined ? { head } : { head, tail };
}

export type Writer = (obj: Record<string, unknown>, v: unknown) => void;

/** A writer for one path, specialised for the common one-segment target. */
export function writerFor(path: readonly string[]): Writer {
  if (path.length === 1) {
    const key = path[0]!;
    return (obj, v) => {
      obj[key] = v;
    };
  }
  return (obj, v) => writePath(obj, path, v);
}

/** A property key on the way to a value: a name, or a slot of the staged output (see output.ts). */
type Key = string | number;
type Container = Record<Key, unknown>;

/** Writes v at path inside obj, creating plain objects on the way. Paths were checked not to conflict. */
export function writePath(obj: object, path: readonly Key[], v: unknown): void {
  let o = obj as Container;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    let next = o[k];
    if (next === undefined || next === null || typeof next !== 'object') {
      next = {};
      o[k] = next;
    }
    o = next as Container;
  }
  o[path[path.length - 1]!] = v;
}

/** The list at `head` inside obj, created if missing. */
export function listAt(obj: object, head: readonly Key[]): unknown[] {
  let o = obj as Container;
  for (let i = 0; i < head.length - 1; i++) {
    const k = head[i]!;
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k] as Container;
  }
  const last = head[head.length - 1]!;
  if (!Array.isArray(o[last])) o[last] = [];
  return o[last] as unknown[];
}

/** Two targets conflict when one key is a prefix of the other ("Customer" and "Customer.Name", "Lines" and "Lines[].Qty"). */
export function targetKey(t: TargetPath): string[] {
  return t.tail === undefined ? t.head : [...t.head, '[]', ...t.tail];
}

export function conflicts(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
