// Streak webhook ingress. Authentication happens before a single byte of the body is read; the body is
// size-limited, must be JSON, and is parsed strictly by the engine's ingress. Each request is one span
// (the trace its runs join), one line of log and one count by outcome in /metrics.
import { authenticateStreakWebhook, ingestStreakWebhook, type IngressAnswer } from '@conduit/engine/client';
import { log, webhookOutcome, webhookRequests, withSpan } from '@conduit/telemetry';
import { env } from '../../../../../../env';
import { clientIp } from '../../../../../../server/client-ip';
import { ingressDeps } from '../../../../../../server/engine';
import { readLimited } from '../../../../../../server/read-limited';

export const dynamic = 'force-dynamic';

type Params = { env: string; endpoint: string };

const reply = (status: number, message: string): IngressAnswer => ({ status, body: { ok: false, message } });

export async function POST(req: Request, ctx: { params: Promise<Params> }): Promise<Response> {
  const params = await ctx.params;
  const answer = await withSpan('streak webhook ingress', { 'http.request.method': 'POST', 'http.route': '/api/hooks/streak/[env]/[endpoint]' }, async (span) => {
    const a = await receive(req, params).catch((error: unknown) => {
      webhookRequests.inc({ outcome: 'error' });
      throw error;
    });
    const outcome = webhookOutcome(a.status, a.body);
    span.setAttribute('http.response.status_code', a.status);
    webhookRequests.inc({ outcome });
    const { ok: _ok, message, ...counts } = a.body;
    log[a.status < 400 ? 'info' : 'warn']('webhook', { environment: params.env, status: a.status, outcome, ...counts, ...(a.status >= 400 ? { message } : {}) });
    return a;
  });
  // no-transform: Next.js would otherwise gzip these few bytes for a sender that accepts gzip (≈ 0.4 ms of
  // CPU per request); no-store: an answer about one delivery is never reusable.
  return Response.json(answer.body, { status: answer.status, headers: { 'cache-control': 'no-store, no-transform' } });
}

async function receive(req: Request, params: Params): Promise<IngressAnswer> {
  const deps = ingressDeps();
  const auth = await authenticateStreakWebhook(deps, {
    environmentKey: params.env,
    endpointId: params.endpoint,
    token: req.headers.get('x-streak-webhook-token'),
    ip: clientIp(req.headers),
  });
  if ('answer' in auth) return auth.answer;

  const max = env().WEBHOOK_MAX_BYTES;
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > max) return reply(413, `The body is larger than ${max} bytes.`);
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) return reply(415, 'Send the body as application/json, as Streak does.');
  const body = await readLimited(req.body, max);
  if (!body.ok) return reply(413, `The body is larger than ${max} bytes.`);

  return ingestStreakWebhook(deps, { env: auth.env, event: new URL(req.url).searchParams.get('event'), text: body.text });
}
