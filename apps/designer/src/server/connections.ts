// Stored connections: the write-only secret and "test connection" with a plain-language answer. Secrets are
// decrypted only here, only in the server process (the Streak webhooks a deployment registers: @conduit/engine/client).
import { type AuthTestResult, type ConnectorDefinition, testConnection } from '@conduit/connector-kit';
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
