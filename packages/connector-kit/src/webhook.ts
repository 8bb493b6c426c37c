// Webhook ingress helpers: authenticate a delivery and turn it into validated events, without I/O.
import { timingSafeEqual } from 'node:crypto';
import type { ConnectorDefinition, TriggerEvent, WebhookDelivery, WebhookSubscription } from './define';
import { PermanentError } from './errors';
import { findTrigger } from './connection';
import { checkOutput, parseOrThrow } from './validate';

/** Constant-time comparison of a presented secret with the expected one. */
export function safeEqual(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Case-insensitive single header value. */
export function headerValue(headers: WebhookDelivery['headers'], name: string): string | undefined {
  const hit = Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return Array.isArray(hit) ? hit[0] : hit;
}

/**
 * Verifies and parses one delivery for a subscription. Throws PermanentError('auth') when the
 * delivery is not authentic and PermanentError('validation') when its body is not what the trigger expects.
 */
export function receiveWebhook<TAuth>(
  connector: ConnectorDefinition<TAuth>,
  triggerKey: string,
  ctx: { config: unknown; delivery: WebhookDelivery; token: string; subscription: WebhookSubscription },
): TriggerEvent[] {
  const name = connector.title;
  const trigger = findTrigger(connector, triggerKey);
  if (!trigger.webhook) throw new PermanentError('validation', { connector: name, subject: { type: 'trigger', key: triggerKey }, message: `${name}: trigger ${triggerKey} has no webhook mode` });
  if (!trigger.webhook.verify(ctx.delivery, { token: ctx.token, subscription: ctx.subscription })) {
    throw new PermanentError('auth', { connector: name, subject: { type: 'webhook', key: ctx.subscription.id }, message: `${name}: webhook delivery for ${ctx.subscription.id} failed verification` });
  }
  const config = parseOrThrow(trigger.config, ctx.config, { connector: name, what: `trigger ${triggerKey} configuration` });
  return trigger.webhook.events({ config, body: ctx.delivery.body }).map((e) => ({
    eventKey: e.eventKey,
    payload: checkOutput(trigger.output, e.payload, { connector: name, what: `event of ${triggerKey}` }),
  }));
}
