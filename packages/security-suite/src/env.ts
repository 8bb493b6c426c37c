// The suite's one switch, read here only: the short form runs in CI with every `npm test`; the full form
// (`pnpm --filter @conduit/security-suite full`) sets CONDUIT_SECURITY_FULL=1 for the long fuzz runs and
// the whole-stack secrets scan.
import { z } from 'zod';

const schema = z.object({
  CONDUIT_SECURITY_FULL: z.enum(['0', '1']).default('0'),
  /** Overrides the seed of every fuzz target, to replay a failure the suite printed. */
  CONDUIT_SECURITY_SEED: z.coerce.number().int().nonnegative().optional(),
  /** Time cap per fuzz target in seconds (default 60 in the full form, 15 in CI). */
  CONDUIT_SECURITY_FUZZ_SECONDS: z.coerce.number().positive().optional(),
});

const parsed = schema.parse(process.env);
const full = parsed.CONDUIT_SECURITY_FULL === '1';

export const suite = {
  full,
  /** Cases per fuzz target: the issue asks for ≥ 100k in the full form, a few thousand in CI. */
  fuzzCases: full ? 100_000 : 3_000,
  /** Wall-clock cap per fuzz target, so a slow machine ends the run with a count instead of a timeout. */
  fuzzBudgetMs: (parsed.CONDUIT_SECURITY_FUZZ_SECONDS ?? (full ? 60 : 15)) * 1000,
  seed: parsed.CONDUIT_SECURITY_SEED,
};

/** The environment the suite's own stack inherits (PATH, the test database's address, and so on). */
export const inheritedEnv: NodeJS.ProcessEnv = process.env;
