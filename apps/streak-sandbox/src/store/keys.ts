// Streak entity keys are App Engine datastore keys (URL-safe base64 starting "agxzfm1haWxmb29nYWVy").
// We mint look-alikes: the real prefix, the entity kind, then random bytes.
import { randomBytes } from 'node:crypto';

export const KEY_PREFIX = 'agxzfm1haWxmb29nYWVy';
const KEY_SHAPE = /^agxzfm1haWxmb29nYWVy[A-Za-z0-9_-]{8,200}$/;

export type RandomBytes = (n: number) => Buffer;

export const cryptoBytes: RandomBytes = (n) => randomBytes(n);

/** mulberry32: a tiny deterministic PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic byte source so the seed produces the same keys every time. */
export function seededBytes(seed: number): RandomBytes {
  const next = mulberry32(seed);
  return (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256)));
}

export function mintKey(kind: string, bytes: RandomBytes): string {
  const body = Buffer.concat([
    Buffer.from(`\x0b\x12${String.fromCharCode(kind.length)}${kind}\x18`),
    bytes(12),
  ]);
  return KEY_PREFIX + body.toString('base64url');
}

export function isWellFormedKey(key: string): boolean {
  return KEY_SHAPE.test(key);
}
