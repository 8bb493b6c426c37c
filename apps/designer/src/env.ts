// The designer's configuration, parsed once with zod. Nothing else reads process.env.
import { temporalEnvProblem, temporalEnvShape } from '@conduit/engine/client';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required'),
  /** TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, and TLS / API key for a cluster or Temporal Cloud. */
  ...temporalEnvShape,
  CONDUIT_SECRET_KEYS: z.string().min(1, 'CONDUIT_SECRET_KEYS is required'),
  NEXTAUTH_SECRET: z.string().min(16, 'NEXTAUTH_SECRET must be at least 16 characters'),
  /** The designer's public address; Streak webhooks registered on deploy point here. */
  NEXTAUTH_URL: z.string().url().default('http://127.0.0.1:3000'),
  CONDUIT_DEMO: z.enum(['0', '1']).default('0'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  WEBHOOK_MAX_BYTES: z.coerce.number().int().positive().default(1_000_000),
  /**
   * Reverse proxies in front of the designer that append to X-Forwarded-For (1: one proxy, or none and
   * Next.js writes the socket address). The webhook IP allowlist trusts only entries they wrote.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** OTLP/HTTP collector base URL (traces go to <url>/v1/traces); tracing is off without it. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().default('conduit-designer'),
  /** Bearer token for GET /metrics; without it the designer serves no metrics. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /** The run page links a run's trace here, e.g. http://localhost:16686/trace/{traceId} (Jaeger). */
  TRACE_URL_TEMPLATE: z.string().includes('{traceId}', { message: 'TRACE_URL_TEMPLATE must contain {traceId}' }).optional(),
}).superRefine((e, ctx) => {
  const problem = temporalEnvProblem(e);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.split(' ')[0] ?? 'TEMPORAL_TLS_CERT'], message: problem });
});

export type DesignerEnv = z.infer<typeof schema>;

let cached: DesignerEnv | undefined;

/** Parsed lazily so `next build` does not need runtime secrets. */
export function env(): DesignerEnv {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`Designer configuration: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    cached = parsed.data;
  }
  return cached;
}
