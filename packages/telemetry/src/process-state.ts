// State that must be one per process, not one per module instance: Next.js bundles instrumentation.ts
// (where tracing and logging are switched on) apart from the route handlers that use them.

export function processState<T extends object>(name: string, init: () => T): T {
  const global = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`conduit.telemetry.${name}`);
  return (global[key] ??= init());
}
