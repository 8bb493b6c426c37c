// Which connectors this designer knows and how a stored connection becomes a live one. Everything here
// runs on the server: decrypted secrets never leave this process.
import { ConnectorRegistry, openConnection, type Connection, type ConnectorDefinition, type ConnectorDescription } from '@conduit/connector-kit';
import { streakConnector } from '@conduit/connector-streak';
import { db, secrets } from '../../../db';
import { sage100Preview } from './sage100-preview';

const registry = new ConnectorRegistry([streakConnector as unknown as ConnectorDefinition<unknown>]);

export function connectorRegistry(): ConnectorRegistry {
  return registry;
}

let described: ConnectorDescription[] | undefined;

/** Installed connectors, plus described-only previews for connectors that are not installed yet. */
export function connectorDescriptions(): ConnectorDescription[] {
  // JSON round trip: zod's JSON Schemas may carry non-plain objects, which server components cannot pass to the client.
  described ??= JSON.parse(JSON.stringify([...registry.describe(), ...[sage100Preview].filter((p) => !registry.has(p.id, p.version))])) as ConnectorDescription[];
  return described;
}

export class StoredConnectionError extends Error {
  constructor(
    readonly code: 'not_found' | 'not_installed',
    message: string,
  ) {
    super(message);
  }
}

/** The auth field that holds the secret: the one the connector marks as a password widget. */
function secretField(connector: ConnectorDefinition<unknown>): string {
  const fields = connector.auth.ui?.fields ?? {};
  return Object.entries(fields).find(([, hint]) => hint.widget === 'password')?.[0] ?? 'apiKey';
}

/** Opens a workspace's stored connection; the caller must close it. */
export async function openStoredConnection(opts: { workspaceId: string; connectionId: string }): Promise<{ connection: Connection; name: string }> {
  const row = await db().connection.findFirst({ where: { id: opts.connectionId, environment: { workspaceId: opts.workspaceId } } });
  if (!row) throw new StoredConnectionError('not_found', 'That connection does not exist any more; pick another one in the step settings.');
  if (!registry.has(row.kind, '1')) throw new StoredConnectionError('not_installed', `The ${row.kind} connector is not installed in this designer yet, so "${row.name}" cannot be read.`);
  const connector = registry.get(row.kind, '1');
  const config = typeof row.config === 'object' && row.config !== null ? (row.config as Record<string, unknown>) : {};
  const auth = { ...config, [secretField(connector)]: secrets().decrypt(row.secretEnc) };
  return { connection: openConnection(connector, auth, { connectionId: row.id }), name: row.name };
}

/** Runs `fn` with an open stored connection and always closes it. */
export async function withStoredConnection<T>(opts: { workspaceId: string; connectionId: string }, fn: (c: Connection) => Promise<T>): Promise<T> {
  const { connection } = await openStoredConnection(opts);
  try {
    return await fn(connection);
  } finally {
    await connection.close();
  }
}
