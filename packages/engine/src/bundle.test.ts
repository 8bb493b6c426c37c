// The production workflow bundle carries no zod: workflow code imports the runtime entries of flow and
// mapping (validation happens when a version is saved), so a run evaluates no schema library.
import { describe, expect, it } from 'vitest';
import { PRELOADED_MODULES, productionBundle } from './worker';

describe('production workflow bundle', () => {
  it('contains no zod module and preloads the runtime entries', async () => {
    const { code } = await productionBundle();
    const modules = [...code.matchAll(/\/\*\*\*\/ "([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(modules.filter((m) => m.includes('/zod/'))).toEqual([]);
    expect(modules.some((m) => m.endsWith('packages/flow/src/runtime.ts'))).toBe(true);
    const preload = /exports\.preloadModules = function preloadModules\(\) \{([^}]*)\}/.exec(code)?.[1] ?? '';
    for (const m of PRELOADED_MODULES) expect(preload).toContain(m);
  }, 120_000);
});
