// The Streak webhooks a deployment registers: one subscription per webhook trigger and event, pointing at the
// environment's ingress URL. Used by every deploy path (the designer, the demo installer).
import { openConnection } from '@conduit/connector-kit';
import { streakConnector } from '@conduit/connector-streak';
import type { Connection, SecretBox } from '@conduit/db';
import { authSettings } from '../connections';

/** A Streak webhook trigger in a flow graph: `triggerKey` is the connector trigger (e.g. boxEvent), `params` its configuration. */
export interface WebhookTriggerNode {
  nodeId: string;
  triggerKey: string;
  params: Record<string, unknown>;
}

/** Finds the Streak webhook triggers of a version's graph (tolerant of graphs it cannot fully parse). */
export function streakWebhookTriggers(graph: unknown): WebhookTriggerNode[] {
  const nodes = (graph as { nodes?: unknown[] } | null)?.nodes ?? [];
  return nodes.flatMap((n) => {
    const node = n as { id?: string; kind?: string; config?: Record<string, unknown> };
    const c = node.config ?? {};
    const isStreakHook = node.kind === 'trigger' && c.type === 'webhook' && String(c.connector ?? '').startsWith('streak@');
    if (!isStreakHook || typeof c.event !== 'string') return [];
    const params = c.params && typeof c.params === 'object' ? (c.params as Record<string, unknown>) : {};
    return [{ nodeId: String(node.id), triggerKey: c.event, params }];
  });
}

export interface WebhookTarget {
  targetUrl: string;
  token: string;
}

/** The remote events a trigger listens to: `params.events`, or the single `params.event`. */
function eventsOf(t: WebhookTriggerNode): string[] {
  const { events, event } = t.params;
  if (Array.isArray(events)) return events.filter((e): e is string => typeof e === 'string');
  return typeof event === 'string' ? [event] : [];
}

/** Unsubscribing only needs the webhook key, but the trigger's config must still parse. */
const configOf = (t: WebhookTriggerNode) => ({ ...t.params, event: eventsOf(t)[0] });

const open = (row: Connection, secrets: SecretBox) => openConnection(streakConnector, authSettings({ kind: row.kind, config: row.config, secretEnc: row.secretEnc, secrets }), { connectionId: row.id });

/**
 * Registers one Streak webhook per trigger and event; returns the webhook keys to store on the
 * deployment. Streak's deliveries do not name their event, so each subscription's URL carries it.
 */
export async function registerStreakWebhooks(options: { row: Connection; secrets: SecretBox; graph: unknown; target: WebhookTarget }): Promise<string[]> {
  const triggers = streakWebhookTriggers(options.graph);
  if (triggers.length === 0) return [];
  const conn = open(options.row, options.secrets);
  const keys: string[] = [];
  try {
    for (const t of triggers) {
      for (const event of eventsOf(t)) {
        const targetUrl = `${options.target.targetUrl}?event=${encodeURIComponent(event)}`;
        keys.push((await conn.subscribe(t.triggerKey, { ...t.params, event }, { targetUrl, token: options.target.token })).id);
      }
    }
    return keys;
  } catch (err) {
    // Leave nothing half-registered: a failed deploy must not keep receiving events.
    for (const id of keys) await conn.unsubscribe(triggers[0]!.triggerKey, configOf(triggers[0]!), { id }).catch(() => undefined);
    throw err;
  } finally {
    await conn.close();
  }
}

/** Removes a deployment's webhooks (by the keys stored on it). */
export async function removeStreakWebhooks(options: { row: Connection; secrets: SecretBox; graph: unknown; keys: string[] }): Promise<void> {
  const [first] = streakWebhookTriggers(options.graph);
  if (!first || options.keys.length === 0) return;
  const conn = open(options.row, options.secrets);
  try {
    for (const id of options.keys) await conn.unsubscribe(first.triggerKey, configOf(first), { id });
  } finally {
    await conn.close();
  }
}
