// Gives each test file its own freshly migrated database, cloned from a template so it costs ~100 ms.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from './migrate';

const TEMPLATE = 'conduit_test_template';

export function adminUrl(databaseUrl: string, database = 'postgres'): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(baseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(baseUrl) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates (or re-creates) the migrated template. Called once per test run by the global setup. */
export async function prepareTemplateDatabase(baseUrl: string): Promise<void> {
  await withAdmin(baseUrl, async (c) => {
    await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [TEMPLATE]);
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
    await c.query(`CREATE DATABASE ${TEMPLATE}`);
  });
  await migrate({ databaseUrl: adminUrl(baseUrl, TEMPLATE) });
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new database from the migrated template; `drop()` removes it. */
export async function createTestDatabase(baseUrl: string): Promise<TestDatabase> {
  const name = `conduit_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(baseUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`));
  return {
    url: adminUrl(baseUrl, name),
    drop: () =>
      withAdmin(baseUrl, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/** Creates an empty database (no template), for migration tests. */
export async function createEmptyDatabase(baseUrl: string): Promise<TestDatabase> {
  const name = `conduit_e_${randomBytes(6).toString('hex')}`;
  await withAdmin(baseUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: adminUrl(baseUrl, name),
    drop: () => withAdmin(baseUrl, async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
