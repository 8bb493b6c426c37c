// The gateway's configuration, read once from the environment.
import { allowlistEntryProblem } from '@conduit/connector-kit';
import { z } from 'zod';
import { DEFAULT_DATA_FILE } from './paths';

const schema = z.object({
  SAGE100_GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4020),
  SAGE100_GATEWAY_HOST: z.string().default('127.0.0.1'),
  SAGE100_GATEWAY_TOKEN: z.string().min(16, 'SAGE100_GATEWAY_TOKEN must be at least 16 characters'),
  SAGE100_EMULATOR_DATA_FILE: z.string().default(DEFAULT_DATA_FILE),
  /** `emulator` (default) or `com` (Windows, real Sage 100 through ProvideX.Script + ODBC). */
  SAGE100_BACKEND: z.enum(['emulator', 'com']).default('emulator'),
  SAGE100_HOME: z.string().optional().describe('com backend: ...\\MAS90\\Home'),
  SAGE100_ODBC: z.string().default('DSN=SOTAMAS90'),
  SAGE100_USER: z.string().optional(),
  SAGE100_PASSWORD: z.string().optional(),
  SAGE100_COMPANIES: z.string().default('ABC'),
  /** Comma-separated addresses or CIDR ranges that may reach the gateway at all (checked before the token); empty allows all. */
  SAGE100_GATEWAY_IP_ALLOWLIST: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .superRefine((entries, ctx) => {
      for (const e of entries) {
        const problem = allowlistEntryProblem(e);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }
    }),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new Error(`configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (parsed.data.SAGE100_BACKEND === 'com' && (!parsed.data.SAGE100_HOME || !parsed.data.SAGE100_USER || !parsed.data.SAGE100_PASSWORD))
    throw new Error('configuration: the com backend needs SAGE100_HOME, SAGE100_USER and SAGE100_PASSWORD.');
  return parsed.data;
}
