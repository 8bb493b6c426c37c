// Streak webhook ingress. Authentication happens before a single byte of the body is read; the body is
// size-limited, must be JSON, and is parsed strictly by the engine's ingress.
import { authenticateStreakWebhook, ingestStreakWebhook } from '@conduit/engine/client';
import { env } from '../../../../../../env';
import { clientIp } from '../../../../../../server/client-ip';
import { ingressDeps } from '../../../../../../server/engine';
import { readLimited } from '../../../../../../server/read-limited';

export const dynamic = 'force-dynamic';

const reply = (status: number, message: string) => Response.json({ ok: false, message }, { status });

export async function POST(req: Request, ctx: { params: Promise<{ env: string; endpoint: string }> }): Promise<Response> {
  const params = await ctx.params;
  const deps = ingressDeps();
  const auth = await authenticateStreakWebhook(deps, {
    environmentKey: params.env,
    endpointId: params.endpoint,
    token: req.headers.get('x-streak-webhook-token'),
    ip: clientIp(req.headers),
  });
  if ('answer' in auth) return Response.json(auth.answer.body, { status: auth.answer.status });

  const max = env().WEBHOOK_MAX_BYTES;
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > max) return reply(413, `The body is larger than ${max} bytes.`);
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) return reply(415, 'Send the body as application/json, as Streak does.');
  const body = await readLimited(req.body, max);
  if (!body.ok) return reply(413, `The body is larger than ${max} bytes.`);

  const result = await ingestStreakWebhook(deps, { env: auth.env, event: new URL(req.url).searchParams.get('event'), text: body.text });
  return Response.json(result.body, { status: result.status });
}
