// Turns a bad DATABASE_URL or an unreachable server into one sentence that names the problem and the fix.
import pg from 'pg';

export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

export function parseDatabaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DatabaseConfigError(
      `DATABASE_URL is not a valid URL ("${redactUrl(value)}"); use postgresql://user:password@host:5432/database.`,
    );
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new DatabaseConfigError(`DATABASE_URL must start with postgresql:// (got "${url.protocol}//").`);
  }
  if (!url.pathname || url.pathname === '/') {
    throw new DatabaseConfigError('DATABASE_URL names no database; add one at the end, e.g. postgresql://…/conduit.');
  }
  return url;
}

/** Removes the password from a connection string so it can be printed. */
export function redactUrl(value: string): string {
  return value.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/** Connects once and explains failures in one sentence. */
export async function checkDatabase(databaseUrl: string): Promise<void> {
  const url = parseDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new DatabaseConfigError(explainPgError(error, url), { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}

function explainPgError(error: unknown, url: URL): string {
  const code = (error as { code?: string }).code;
  const where = `${url.hostname}:${url.port || 5432}`;
  const db = url.pathname.slice(1);
  switch (code) {
    case 'ECONNREFUSED':
      return `Cannot reach PostgreSQL at ${where} (connection refused); start it (npm run services) or fix DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot resolve the database host "${url.hostname}"; fix the host in DATABASE_URL.`;
    case 'ETIMEDOUT':
      return `Timed out connecting to PostgreSQL at ${where}; check the host, port and firewall in DATABASE_URL.`;
    case '28P01':
    case '28000':
      return `PostgreSQL at ${where} refused the user "${decodeURIComponent(url.username)}"; fix the user or password in DATABASE_URL.`;
    case '3D000':
      return `Database "${db}" does not exist on ${where}; create it (createdb ${db}) or fix DATABASE_URL.`;
    default:
      return `Cannot use the database at ${where}: ${error instanceof Error ? error.message : String(error)}.`;
  }
}
