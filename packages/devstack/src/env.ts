// Configuration of `conduit start`, parsed once with zod. Every value has an embedded default.
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

export const startEnvSchema = z.object({
  DATABASE_URL: z.string().default('postgresql://conduit:conduit@127.0.0.1:5432/conduit'),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_PORT: port(7233),
  DESIGNER_PORT: port(3000),
  STREAK_SANDBOX_PORT: port(4010),
  SAGE100_GATEWAY_PORT: port(4020),
  /** The mail sink's SMTP port (its mail page is on the next port); unset: DESIGNER_PORT + 1030, so 4030 (e2e 4130). */
  MAIL_SINK_PORT: z.coerce.number().int().min(1).max(65534).optional(),
  /** A real relay for the worker's e-mail instead of the local sink (`smtp[s]://user:pass@host:port?from=addr`). */
  CONDUIT_SMTP_URL: z.string().optional(),
  CONDUIT_SECRET_KEYS: z.string().optional(),
  NEXTAUTH_SECRET: z.string().optional(),
  /** `0` turns off demo mode: no generated secrets, no demo users, no seeded sandbox connections. */
  CONDUIT_DEMO: z.enum(['0', '1']).default('1'),
  CONDUIT_DATA_DIR: z.string().optional(),
});

export type StartEnv = z.infer<typeof startEnvSchema>;

export function readStartEnv(source: Record<string, string | undefined> = process.env): StartEnv {
  const parsed = startEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${String(issue?.path[0] ?? 'configuration')} is invalid: ${issue?.message}.`);
  }
  return parsed.data;
}
