// A small seeded fuzz runner: runs a target until it has seen `cases` inputs or spent its time budget,
// and on a failure names the target, the case number and the seed so `CONDUIT_SECURITY_SEED` replays it.
import { seededRandom, type Random } from '@conduit/mapping';
import { suite } from './env';

export interface FuzzReport {
  target: string;
  cases: number;
  ms: number;
  seed: number;
}

export const reports: FuzzReport[] = [];

export async function fuzz(target: string, defaultSeed: number, one: (r: Random, i: number) => void | Promise<void>): Promise<FuzzReport> {
  const seed = suite.seed ?? defaultSeed;
  const r = seededRandom(seed);
  const started = performance.now();
  let i = 0;
  for (; i < suite.fuzzCases && performance.now() - started < suite.fuzzBudgetMs; i++) {
    try {
      await one(r, i);
    } catch (error) {
      throw new Error(`fuzz ${target}: case ${i} (seed ${seed}) failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  const report = { target, cases: i, ms: Math.round(performance.now() - started), seed };
  reports.push(report);
  console.log(`fuzz ${target}: ${report.cases} cases in ${report.ms} ms (seed ${seed})`);
  return report;
}

/** Text built from a vocabulary: mostly near-valid input, which reaches deeper than random bytes. */
export function soup(r: Random, atoms: readonly string[], maxParts = 16): string {
  return Array.from({ length: 1 + r.int(maxParts) }, () => r.pick(atoms)).join(r.next() < 0.5 ? '' : ' ');
}

/** Random JSON-ish values, hostile keys included. */
export function jsonValue(r: Random, depth = 0): unknown {
  const k = r.int(depth > 4 ? 5 : 8);
  if (k === 0) return null;
  if (k === 1) return r.pick(['', 'Acme', '5003', 'box-1', '__proto__', 'constructor', '\u0000', '𝄞', 'x'.repeat(r.int(2000))]);
  if (k === 2) return r.pick([0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER, 1741361400000]);
  if (k === 3) return r.next() < 0.5;
  if (k === 4) return r.int(100);
  if (k === 5) return Array.from({ length: r.int(5) }, () => jsonValue(r, depth + 1));
  return Object.fromEntries(Array.from({ length: r.int(6) }, () => [r.pick(['boxKey', 'key', 'pipelineKey', 'stageKey', 'lastUpdatedTimestamp', 'fields', 'name', '__proto__', 'constructor', 'toString', '1001', '']), jsonValue(r, depth + 1)]));
}
