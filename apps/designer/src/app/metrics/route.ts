// Prometheus scrape endpoint (GET /metrics). Machine-only: a signed-in session does not open it; only
// `Authorization: Bearer <METRICS_TOKEN>` does, and without METRICS_TOKEN it answers 404 (see
// docs/deploy/README.md). The dead-letter backlog is read from the database at scrape time.
import { openDeadLetters } from '@conduit/engine/client';
import { checkMetricsAccess, countRateLimiterWaits, metricsContentType, metricsText, registerDeadLetterBacklog } from '@conduit/telemetry';
import { env } from '../../env';
import { db } from '../../server/db';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const token = env().METRICS_TOKEN;
  const access = checkMetricsAccess({ ...(token ? { token } : {}), authorization: req.headers.get('authorization'), loopbackOnly: false });
  if (!access.ok) return new Response(`${access.message}\n`, { status: access.status, headers: { 'content-type': 'text/plain' } });
  countRateLimiterWaits();
  registerDeadLetterBacklog(() => openDeadLetters(db()));
  return new Response(await metricsText(), { headers: { 'content-type': metricsContentType } });
}
