import { describe, expect, inject, it } from 'vitest';
import { adminUrl } from './test-database';
import { checkDatabase, parseDatabaseUrl, redactUrl } from './database-url';

describe('database configuration errors', () => {
  it('explains a malformed DATABASE_URL in one sentence without the password', () => {
    expect(() => parseDatabaseUrl('not a url')).toThrow(/^DATABASE_URL is not a valid URL/);
    expect(() => parseDatabaseUrl('mysql://u:p@h/db')).toThrow(/must start with postgresql:\/\//);
    expect(() => parseDatabaseUrl('postgresql://u:p@h')).toThrow(/names no database/);
    expect(redactUrl('postgresql://user:s3cret@host/db')).toBe('postgresql://user:***@host/db');
  });

  it('explains an unreachable server', async () => {
    await expect(checkDatabase('postgresql://u:p@127.0.0.1:1/db')).rejects.toThrow(
      'Cannot reach PostgreSQL at 127.0.0.1:1 (connection refused); start it (npm run services) or fix DATABASE_URL.',
    );
  });

  it('explains a missing database', async () => {
    await expect(checkDatabase(adminUrl(inject('databaseUrl'), 'no_such_db_here'))).rejects.toThrow(
      /Database "no_such_db_here" does not exist/,
    );
  });
});
