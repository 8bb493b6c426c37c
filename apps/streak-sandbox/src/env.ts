// The sandbox's configuration, read once from the environment.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export const env = z
  .object({
    STREAK_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
    STREAK_SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
    STREAK_SANDBOX_DATA_FILE: z.string().min(1).default(`${repoRoot}.conduit/data/streak-sandbox.json`),
    // Contract tests only: point them at real Streak (e.g. https://api.streak.com/api) with a real key.
    STREAK_CONTRACT_URL: z.string().url().optional(),
    STREAK_API_KEY: z.string().min(1).optional(),
  })
  .parse(process.env);
