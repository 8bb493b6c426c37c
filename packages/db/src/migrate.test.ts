import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { findSchemaDrift } from './schema-drift';
import { migrate, loadMigrations } from './migrate';
import { createEmptyDatabase, type TestDatabase } from './test-database';

const baseUrl = inject('databaseUrl');
const dbs: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.drop()));
});

async function emptyDb(): Promise<TestDatabase> {
  const db = await createEmptyDatabase(baseUrl);
  dbs.push(db);
  return db;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

async function migrationsIn(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'conduit-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('migration applier', () => {
  it('applies the committed migrations once and records them like prisma migrate deploy', async () => {
    const db = await emptyDb();
    const first = await migrate({ databaseUrl: db.url });
    const committed = await loadMigrations();
    expect(first.applied).toEqual(committed.map((m) => m.name));
    const second = await migrate({ databaseUrl: db.url });
    expect(second).toEqual({ applied: [], alreadyApplied: committed.map((m) => m.name) });
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      db.url,
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations"',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(committed.map((m) => m.name));
    for (const [i, r] of rows.entries()) {
      expect(r.checksum).toBe(committed[i]?.checksum);
      expect(r.applied_steps_count).toBe(1);
      expect(r.finished_at).toBeInstanceOf(Date);
    }
  });

  it('rolls a failing migration back completely, records the failure, and applies it once fixed', async () => {
    const db = await emptyDb();
    const broken = await migrationsIn({
      '001_ok': 'CREATE TABLE a (id int);',
      '002_broken': 'CREATE TABLE b (id int); INSERT INTO nowhere VALUES (1);',
    });
    await expect(migrate({ databaseUrl: db.url, dir: broken })).rejects.toThrow(/002_broken failed and was rolled back: relation "nowhere" does not exist/);
    const tables = await query<{ tablename: string }>(db.url, "SELECT tablename FROM pg_tables WHERE schemaname='public' ORDER BY 1");
    expect(tables.map((t) => t.tablename)).toEqual(['_prisma_migrations', 'a']);
    const failed = await query<{ logs: string | null; finished_at: Date | null }>(db.url, `SELECT logs, finished_at FROM "_prisma_migrations" WHERE migration_name = '002_broken'`);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.finished_at).toBeNull();
    expect(failed[0]?.logs).toMatch(/nowhere/);

    const fixed = await migrationsIn({ '001_ok': 'CREATE TABLE a (id int);', '002_broken': 'CREATE TABLE b (id int);' });
    const result = await migrate({ databaseUrl: db.url, dir: fixed });
    expect(result.applied).toEqual(['002_broken']);
  });

  it('refuses to continue when an applied migration was edited', async () => {
    const db = await emptyDb();
    await migrate({ databaseUrl: db.url, dir: await migrationsIn({ '001_a': 'CREATE TABLE a (id int);' }) });
    const edited = await migrationsIn({ '001_a': 'CREATE TABLE a (id bigint);' });
    await expect(migrate({ databaseUrl: db.url, dir: edited })).rejects.toThrow(/001_a was changed after it was applied/);
  });
});

describe('schema drift check', () => {
  it('finds no drift between the migrated database and schema.prisma', async () => {
    const db = await emptyDb();
    await migrate({ databaseUrl: db.url });
    expect(await findSchemaDrift(db.url)).toEqual([]);
  });

  it('reports a missing column, a changed nullability, an extra index and a dropped foreign key', async () => {
    const db = await emptyDb();
    await migrate({ databaseUrl: db.url });
    await query(db.url, `
      ALTER TABLE "run" DROP COLUMN "error";
      ALTER TABLE "flow" ALTER COLUMN "description" DROP NOT NULL;
      CREATE INDEX "extra_idx" ON "link"("sage_key");
      ALTER TABLE "approval" DROP CONSTRAINT "approval_run_id_fkey";`);
    const drift = await findSchemaDrift(db.url);
    expect(drift).toEqual(
      expect.arrayContaining([
        'run.error is in schema.prisma but missing in the database',
        'flow.description is nullable but schema.prisma says required',
        'index link|normal|sage_key exists in the database but not in schema.prisma',
        'foreign key approval(run_id)->run Cascade is in schema.prisma but missing in the database',
      ]),
    );
    expect(drift).toHaveLength(4);
  });
});
