// Which connectors this designer knows and how a stored connection becomes a live one. Everything here
// runs on the server: decrypted secrets never leave this process.
import { ConnectorRegistry, openConnection, type Connection, type ConnectorDefinition, type ConnectorDescription } from '@conduit/connector-kit';
import { sage100Connector } from '@conduit/connector-sage100';
import { streakConnector } from '@conduit/connector-streak';
import { authSettings } from '@conduit/engine/client';
import { db, secrets } from '../../../db';

const registry = new ConnectorRegistry([streakConnector, sage100Connector] as unknown as ConnectorDefinition<unknown>[]);

export function connectorRegistry(): ConnectorRegistry {
  return registry;
}

let described: ConnectorDescription[] | undefined;

/** What the installed connectors offer, as JSON for the browser. */
export function connectorDescriptions(): ConnectorDescription[] {
  // JSON round trip: zod's JSON Schemas may carry non-plain objects, which server components cannot pass to the client.
  described ??= JSON.parse(JSON.stringify(registry.describe())) as ConnectorDescription[];
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

/** Opens a workspace's stored connection; the caller must close it. */
async function openStoredConnection(opts: { workspaceId: string; connectionId: string }): Promise<Connection> {
  const row = await db().connection.findFirst({ where: { id: opts.connectionId, environment: { workspaceId: opts.workspaceId } } });
  if (!row) throw new StoredConnectionError('not_found', 'That connection does not exist any more; pick another one in the step settings.');
  if (!registry.has(row.kind, '1')) throw new StoredConnectionError('not_installed', `The ${row.kind} connector is not installed in this designer yet, so "${row.name}" cannot be read.`);
  const auth = authSettings({ kind: row.kind, config: row.config, secretEnc: row.secretEnc, secrets: secrets() });
  return openConnection(registry.get(row.kind, '1'), auth, { connectionId: row.id });
}

/** Runs `fn` with an open stored connection and always closes it. */
export async function withStoredConnection<T>(opts: { workspaceId: string; connectionId: string }, fn: (c: Connection) => Promise<T>): Promise<T> {
  const connection = await openStoredConnection(opts);
  try {
    return await fn(connection);
  } finally {
    await connection.close();
  }
}
