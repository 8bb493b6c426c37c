// Environment for the real-Streak run of the integration suite (tests only).
import { z } from 'zod';

export const testEnv = z
  .object({
    /** When set, the shared suite also runs against real Streak with this key. */
    STREAK_API_KEY: z.string().min(1).optional(),
    STREAK_BASE_URL: z.url().optional(),
  })
  .parse(process.env);
