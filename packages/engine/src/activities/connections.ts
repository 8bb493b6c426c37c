// Opens (and caches) kit Connections for stored connections, so a worker reuses one HTTP pool and one
// rate limiter per connection. Entries are re-checked after a few seconds so edited settings take effect.
import { type Connection, type ConnectorRegistry, openConnection, PermanentError } from '@conduit/connector-kit';
import type { Db, SecretBox } from '@conduit/db';
import { authSettings, type ConnectorKindName } from '../connections';

const TTL_MS = 5_000;
const RETIRE_AFTER_MS = 120_000;

export interface ConnectionLookup {
  environmentId: string;
  connectorId: string;
  version: string;
  /** Connection name in the environment; default: the environment's only connection of that kind. */
  connectionRef?: string;
}

export class ConnectionCache {
  readonly #entries = new Map<string, { connection: Connection; loadedAt: number; version: string }>();

  constructor(private readonly deps: { db: Db; secrets: SecretBox; registry: ConnectorRegistry; now?: () => number }) {}

  async get(lookup: ConnectionLookup): Promise<Connection> {
    const key = `${lookup.environmentId}|${lookup.connectorId}@${lookup.version}|${lookup.connectionRef ?? ''}`;
    const now = (this.deps.now ?? Date.now)();
    const hit = this.#entries.get(key);
    if (hit && now - hit.loadedAt < TTL_MS) return hit.connection;
    const connector = this.deps.registry.get(lookup.connectorId, lookup.version);
    const kind = lookup.connectorId as ConnectorKindName;
    const rows = await this.deps.db.connection.findMany({
      where: { environmentId: lookup.environmentId, kind, ...(lookup.connectionRef ? { name: lookup.connectionRef } : {}) },
      orderBy: { createdAt: 'asc' },
    });
    const row = rows[0];
    if (!row) {
      throw new PermanentError('not_found', {
        connector: connector.title,
        subject: { type: 'connection', key: lookup.connectionRef },
        message: lookup.connectionRef
          ? `${connector.title}: this environment has no connection named "${lookup.connectionRef}"; add it under Connections or pick another in the node`
          : `${connector.title}: this environment has no ${connector.title} connection; add one under Connections`,
      });
    }
    // An unchanged connection keeps its client (pool, in-flight calls); an edited one gets a new client,
    // and the old one is closed only after calls already on it had time to finish.
    const version = `${row.id}:${row.updatedAt.getTime()}`;
    if (hit && hit.version === version) {
      hit.loadedAt = now;
      return hit.connection;
    }
    const connection = openConnection(connector, authSettings({ kind, config: row.config, secretEnc: row.secretEnc, secrets: this.deps.secrets }), { connectionId: row.id });
    this.#entries.set(key, { connection, loadedAt: now, version });
    if (hit) setTimeout(() => void hit.connection.close(), RETIRE_AFTER_MS).unref();
    return connection;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#entries.values()].map((e) => e.connection.close()));
    this.#entries.clear();
  }
}
