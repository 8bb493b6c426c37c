// Stored connections: the write-only secret, "test connection" with a plain-language answer, and the
// Streak webhooks a deployment registers. Secrets are decrypted only here, only in the server process.
import {
  type AuthTestResult,
  type ConnectorDefinition,
  openConnection,
  testConnection,
} from '@conduit/connector-kit';
import { sage100Connector } from '@conduit/connector-sage100';
import { streakConnector } from '@conduit/connector-streak';
import type { Connection, ConnectorKind, Db, SecretBox } from '@conduit/db';
import { authSettings as engineAuthSettings, SECRET_FIELD } from '@conduit/engine/client';

export { SECRET_FIELD };

/** The connector for each kind. */
const CONNECTORS: Record<ConnectorKind, ConnectorDefinition<unknown>> = {
  streak: streakConnector as ConnectorDefinition<unknown>,
  sage100: sage100Connector as unknown as ConnectorDefinition<unknown>,
};

const TITLE: Record<ConnectorKind, string> = { streak: 'Streak', sage100: 'Sage 100 gateway' };

export type PublicConnection = Omit<Connection, 'secretEnc'> & { secretSet: boolean };

/** What may leave the server: everything except the ciphertext. */
export function publicConnection(row: Connection): PublicConnection {
  const { secretEnc, ...rest } = row;
  return { ...rest, secretSet: secretEnc.length > 0 };
}

/** The connector's auth settings of a stored connection (the engine's rule, so both decrypt alike). */
export function authSettings(row: Pick<Connection, 'kind' | 'config' | 'secretEnc'>, secrets: SecretBox): Record<string, unknown> {
  return engineAuthSettings({ kind: row.kind, config: row.config, secretEnc: row.secretEnc, secrets });
}

export interface TestOutcome {
  ok: boolean;
  reason?: Exclude<AuthTestResult, { ok: true }>['reason'];
  /** What is wrong and what to do, for a person. */
  explanation: string;
  account?: string;
}

function explain(kind: ConnectorKind, baseUrl: unknown, result: AuthTestResult): TestOutcome {
  const title = TITLE[kind];
  if (result.ok)
    return {
      ok: true,
      explanation: `Connected to ${title} as ${result.account.name}.`,
      account: result.account.name,
    };
  const where = typeof baseUrl === 'string' ? baseUrl : 'the configured address';
  const what =
    kind === 'streak'
      ? 'API key (Streak → Integrations → Create new key)'
      : 'gateway token (shown by the gateway installer)';
  const advice: Record<typeof result.reason, string> = {
    invalid_credentials: `${title} refused the ${what.split(' (')[0]}: paste a valid ${what} and test again.`,
    unreachable: `${title} could not be reached at ${where}: check the URL, that the service is running and that no firewall blocks it.`,
    unavailable: `${title} answered at ${where} but is not available right now (server error or rate limit): try again in a minute.`,
    host_blocked: `${where} is a private or blocked address: turn on "Allow private host" if this is your own server.`,
    invalid_settings: `The settings are incomplete or malformed: check the URL and the ${what.split(' (')[0]}.`,
    error: `${title} returned an unexpected error.`,
  };
  return { ok: false, reason: result.reason, explanation: `${advice[result.reason]} (${result.message})` };
}

/** Tests settings with the connector's cheap authenticated call. Never throws for remote problems. */
export async function testSettings(
  kind: ConnectorKind,
  settings: Record<string, unknown>,
): Promise<TestOutcome> {
  return explain(
    kind,
    settings.baseUrl,
    await testConnection(CONNECTORS[kind], settings, { signal: AbortSignal.timeout(10_000) }),
  );
}

/** Tests a stored connection and records the outcome on it (the connections page shows the last result). */
export async function testStoredConnection(
  db: Db,
  secrets: SecretBox,
  row: Connection,
): Promise<TestOutcome> {
  const outcome = await testSettings(row.kind, authSettings(row, secrets));
  await db.connection.update({
    where: { id: row.id },
    data: {
      lastTestedAt: new Date(),
      lastTestOk: outcome.ok,
      lastTestError: outcome.ok ? null : outcome.explanation,
    },
  });
  return outcome;
}

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
    const isStreakHook =
      node.kind === 'trigger' && c.type === 'webhook' && String(c.connector ?? '').startsWith('streak@');
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

/**
 * Registers one Streak webhook per trigger and event; returns the webhook keys to store on the
 * deployment. Streak's deliveries do not name their event, so each subscription's URL carries it.
 */
export async function registerStreakWebhooks(options: {
  row: Connection;
  secrets: SecretBox;
  graph: unknown;
  target: WebhookTarget;
}): Promise<string[]> {
  const triggers = streakWebhookTriggers(options.graph);
  if (triggers.length === 0) return [];
  const conn = openConnection(streakConnector, authSettings(options.row, options.secrets), {
    connectionId: options.row.id,
  });
  const keys: string[] = [];
  try {
    for (const t of triggers) {
      for (const event of eventsOf(t)) {
        const targetUrl = `${options.target.targetUrl}?event=${encodeURIComponent(event)}`;
        keys.push(
          (
            await conn.subscribe(
              t.triggerKey,
              { ...t.params, event },
              { targetUrl, token: options.target.token },
            )
          ).id,
        );
      }
    }
    return keys;
  } catch (err) {
    // Leave nothing half-registered: a failed deploy must not keep receiving events.
    for (const id of keys)
      await conn.unsubscribe(triggers[0]!.triggerKey, configOf(triggers[0]!), { id }).catch(() => undefined);
    throw err;
  } finally {
    await conn.close();
  }
}

/** Removes the webhooks a deployment registered; already-deleted ones count as removed. */
export async function removeStreakWebhooks(options: {
  row: Connection;
  secrets: SecretBox;
  graph: unknown;
  keys: string[];
}): Promise<void> {
  const [first] = streakWebhookTriggers(options.graph);
  if (!first || options.keys.length === 0) return;
  const conn = openConnection(streakConnector, authSettings(options.row, options.secrets), {
    connectionId: options.row.id,
  });
  try {
    for (const id of options.keys) await conn.unsubscribe(first.triggerKey, configOf(first), { id });
  } finally {
    await conn.close();
  }
}
