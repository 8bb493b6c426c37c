// The worker's configuration, parsed once with zod.
import { parseSmtpUrl } from '@conduit/engine';
import { z } from 'zod';

const schema = z.object({
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  DATABASE_URL: z.string().default('postgresql://conduit:conduit@127.0.0.1:5432/conduit'),
  /** Environments this worker serves, by key; each has the task queue `conduit-<key>`. */
  CONDUIT_ENVIRONMENTS: z
    .string()
    .default('dev,qa,prod')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z0-9-]+$/, 'environment keys are lowercase letters, digits and -')).min(1)),
  CONDUIT_SECRET_KEYS: z.string({ error: 'CONDUIT_SECRET_KEYS is required to decrypt connection secrets' }).min(1, 'CONDUIT_SECRET_KEYS is required to decrypt connection secrets'),
  CONDUIT_WORKER_ID: z.string().optional(),
  /** Mail for environments without their own SMTP settings: smtp[s]://user:pass@host:port?from=addr. Never logged. */
  CONDUIT_SMTP_URL: z
    .string()
    .optional()
    .transform((url, ctx) => {
      if (!url) return undefined;
      try {
        return parseSmtpUrl(url);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Links in approval e-mails point at this designer. */
  CONDUIT_DESIGNER_URL: z.url().optional(),
});

export type WorkerEnv = z.infer<typeof schema>;

export function readWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${String(issue?.path[0] ?? 'configuration')}: ${issue?.message}.`);
  }
  return parsed.data;
}
