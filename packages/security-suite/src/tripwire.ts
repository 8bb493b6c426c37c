// Tripwires on the host's escape hatches: while armed, any read of `constructor` or `__proto__` through a
// prototype, and any use of Function, eval or process through globalThis, is recorded. The expression
// language must evaluate every payload without touching one of them. (Array.prototype.constructor is left
// alone: every Array#map reads it, for species.)
type Saved = { target: object; key: PropertyKey; descriptor: PropertyDescriptor };

export function armTripwires(): { hits: string[]; disarm(): void } {
  const hits: string[] = [];
  const saved: Saved[] = [];
  const wrap = (target: object, key: PropertyKey, label: string) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor?.configurable) return;
    saved.push({ target, key, descriptor });
    const read = descriptor.get ?? (() => descriptor.value as unknown);
    Object.defineProperty(target, key, {
      configurable: true,
      get(this: unknown) {
        hits.push(label);
        return read.call(this);
      },
      set(this: unknown, v: unknown) {
        hits.push(`${label} (write)`);
        if (descriptor.set) descriptor.set.call(this, v);
      },
    });
  };
  wrap(Object.prototype, 'constructor', 'Object.prototype.constructor');
  wrap(Object.prototype, '__proto__', 'Object.prototype.__proto__');
  wrap(Function.prototype, 'constructor', 'Function.prototype.constructor');
  wrap(String.prototype, 'constructor', 'String.prototype.constructor');
  for (const name of ['Function', 'eval', 'process', 'require', 'globalThis']) wrap(globalThis, name, `globalThis.${name}`);
  return {
    hits,
    disarm: () => {
      for (const s of saved.reverse()) Object.defineProperty(s.target, s.key, s.descriptor);
    },
  };
}

/** Runs `fn` with the tripwires armed and returns what it touched (empty when it stayed inside the language). */
export function touchedHost(fn: () => unknown): string[] {
  const wire = armTripwires();
  try {
    fn();
  } finally {
    wire.disarm();
  }
  return [...new Set(wire.hits)];
}
