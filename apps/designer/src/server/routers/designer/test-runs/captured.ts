// A captured webhook event is stored as the remote sent it (e.g. Streak's wire box); a flow sees it
// through the connector trigger's own conversion, so the sample must go through it too.
import type { TriggerDefinition } from '@conduit/connector-kit';

export function triggerPayload(o: { trigger: TriggerDefinition<unknown>; eventType: string; params: Record<string, string>; stored: unknown }): unknown {
  const parsed = o.trigger.config.safeParse({ ...o.params, event: o.eventType });
  if (!o.trigger.webhook || !parsed.success) return o.stored;
  try {
    return o.trigger.webhook.events({ config: parsed.data, body: [o.stored] })[0]?.payload ?? o.stored;
  } catch {
    // A payload the trigger cannot read is still worth showing as it was received.
    return o.stored;
  }
}
