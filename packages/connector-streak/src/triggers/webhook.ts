// Builds Streak webhook triggers. Streak posts a bare JSON array of the affected objects, with no event
// name and no signature: the event is known from the subscription (one webhook per event) and
// authenticity from the `X-Streak-Webhook-Token` echo of the token given at creation.
import { z } from 'zod';
import { type PollHandler, PermanentError, type TriggerDefinition, headerValue, safeEqual } from '@conduit/connector-kit';
import { type StreakAuth, defineTrigger } from '../auth';
import { streakApi } from '../api/streak';
import { StreakSession } from '../model/session';
import { hints } from '../actions/common';

export const TOKEN_HEADER = 'X-Streak-Webhook-Token';

interface Spec<E extends string, O extends z.ZodType, W extends { key: string }> {
  key: string;
  title: string;
  description: string;
  scope: 'pipeline' | 'team';
  events: readonly [E, ...E[]];
  output: O;
  toPayload: (wire: W) => z.input<O>;
  /** What distinguishes two deliveries of this event for the same object (for dedupe). */
  version: (event: E, wire: W) => string;
  poll?: PollHandler<StreakAuth, { event: E; pipelineKey?: string; teamKey?: string }, z.input<O>>;
}

export const eventKey = (event: string, key: string, version: string) => [event, key, version].filter(Boolean).join(':');

export function streakWebhookTrigger<E extends string, O extends z.ZodType, W extends { key: string }>(spec: Spec<E, O, W>): TriggerDefinition<StreakAuth> {
  const event = z.enum(spec.events).meta({ title: 'Event' });
  // Pipeline events subscribe per pipeline; contact/org events per team (defaulting to the key's team).
  const config = spec.scope === 'pipeline'
    ? z.object({ event, pipelineKey: z.string().min(1).meta({ title: 'Pipeline' }) })
    : z.object({ event, teamKey: z.string().optional().meta({ title: 'Team' }) });
  return defineTrigger({
    key: spec.key,
    title: spec.title,
    description: spec.description,
    config,
    output: spec.output,
    ui: { fields: spec.scope === 'pipeline' ? { pipelineKey: hints.pipeline } : { teamKey: hints.team } },
    webhook: {
      subscribe: async ({ http, config: c, targetUrl, token }) => {
        const scope: { pipelineKey: string } | { teamKey: string } = 'pipelineKey' in c ? { pipelineKey: c.pipelineKey } : { teamKey: await new StreakSession(http).teamKey(c.teamKey) };
        const hook = await streakApi.createWebhook(http, scope, { event: c.event, targetUrl, token });
        return { id: hook.key, state: { event: c.event, ...scope } };
      },
      unsubscribe: async ({ http, subscription }) => {
        try {
          await streakApi.deleteWebhook(http, subscription.id);
        } catch (err) {
          if (!(err instanceof PermanentError && err.reason === 'not_found')) throw err;
        }
      },
      verify: (delivery, { token }) => safeEqual(headerValue(delivery.headers, TOKEN_HEADER), token),
      events: ({ config: c, body }) => {
        if (!Array.isArray(body)) {
          throw new PermanentError('validation', { connector: 'Streak', subject: { type: 'webhook delivery' }, message: `Streak: ${c.event} delivery is not a JSON array of objects` });
        }
        return (body as W[]).map((w) => ({ eventKey: eventKey(c.event, w.key, spec.version(c.event, w)), payload: spec.toPayload(w) }));
      },
    },
    ...(spec.poll ? { poll: spec.poll } : {}),
  });
}
