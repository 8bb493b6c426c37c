// Webhook subscriptions (v2, §4.14). The scope key may come as a query param (Pipedream,
// Activepieces, Nango) or in the body (n8n); both are accepted. One subscription = one event.
import type { Ctx } from '../domain/ctx';
import type { Api, Req } from '../http/api';
import { badRequest } from '../http/errors';
import { asObject, optString, q } from '../http/input';
import type { WebhookRec } from '../store/types';
import { isTeamEvent, isWebhookEvent } from '../webhooks/events';
import { webhookView } from '../views/crm';
import { pipelineFor, teamFor } from './access';

function create(ctx: Ctx, r: Req) {
  const o = asObject(r.body);
  const pipelineKey = q(r.query, 'pipelineKey') ?? optString(o, 'pipelineKey');
  const teamKey = q(r.query, 'teamKey') ?? optString(o, 'teamKey');
  if ((pipelineKey === undefined) === (teamKey === undefined))
    throw badRequest('Exactly one of pipelineKey or teamKey is required');
  const event = o.event;
  if (!isWebhookEvent(event)) throw badRequest(`Invalid webhook event: ${String(event)}`);
  if (isTeamEvent(event) !== (teamKey !== undefined))
    throw badRequest(`Event ${event} needs a ${isTeamEvent(event) ? 'teamKey' : 'pipelineKey'}`);
  const targetUrl = optString(o, 'targetUrl');
  if (!targetUrl || !/^https?:\/\/[^\s]+$/.test(targetUrl) || !URL.canParse(targetUrl))
    throw badRequest('targetUrl must be an http(s) URL');
  const token = optString(o, 'token');
  const scope =
    pipelineKey !== undefined
      ? { pipelineKey: pipelineFor(ctx, r.userKey, pipelineKey).key }
      : { teamKey: teamFor(ctx, r.userKey, teamKey).key };
  const now = ctx.store.now();
  const w: WebhookRec = {
    key: ctx.store.newKey('webhooks'),
    event,
    targetUrl,
    ...scope,
    userKey: r.userKey,
    token: token || null,
    creationDate: now,
    lastSavedTimestamp: now,
  };
  ctx.store.state.webhooks[w.key] = w;
  ctx.store.changed();
  return webhookView(w);
}

export function registerWebhooks(api: Api, ctx: Ctx): void {
  const all = () => Object.values(ctx.store.state.webhooks);
  const find = (r: Req): WebhookRec => {
    const w = ctx.store.find('webhooks', r.params.webhookKey);
    if (w.pipelineKey) pipelineFor(ctx, r.userKey, w.pipelineKey);
    else teamFor(ctx, r.userKey, w.teamKey);
    return w;
  };
  api.post('/v2/webhooks', (r) => create(ctx, r));
  api.get('/v2/webhooks/:webhookKey', (r) => webhookView(find(r)));
  api.del('/v2/webhooks/:webhookKey', (r) => {
    delete ctx.store.state.webhooks[find(r).key];
    ctx.store.changed();
    return { success: true };
  });
  api.get('/v2/pipelines/:pipelineKey/webhooks', (r) => {
    const p = pipelineFor(ctx, r.userKey, r.params.pipelineKey);
    return all()
      .filter((w) => w.pipelineKey === p.key)
      .map(webhookView);
  });
  api.get('/v2/teams/:teamKey/webhooks', (r) => {
    const t = teamFor(ctx, r.userKey, r.params.teamKey);
    return all()
      .filter((w) => w.teamKey === t.key)
      .map(webhookView);
  });
}
