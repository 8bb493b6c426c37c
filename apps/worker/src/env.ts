// The worker's configuration, parsed once with zod.
import { parseSmtpUrl, temporalEnvProblem, temporalEnvShape } from '@conduit/engine';
import { z } from 'zod';

const schema = z
  .object({
    ...temporalEnvShape,
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
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** OTLP/HTTP collector base URL (traces go to <url>/v1/traces); tracing is off without it. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    OTEL_SERVICE_NAME: z.string().default('conduit-worker'),
    /** GET /metrics listens here; 0 picks a free port. Without METRICS_TOKEN the host must be loopback. */
    WORKER_METRICS_HOST: z.string().default('127.0.0.1'),
    WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
    METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  })
  .superRefine((env, ctx) => {
    const problem = temporalEnvProblem(env);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.split(' ')[0] ?? 'TEMPORAL_TLS_CERT'], message: problem });
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
