// `pnpm db:migrate`: applies pending migrations to DATABASE_URL, explaining failures in one sentence.
import { checkDatabase } from '../index';
import { migrate } from '../tools';

const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://conduit:conduit@127.0.0.1:5432/conduit';
try {
  await checkDatabase(databaseUrl);
  const result = await migrate({ databaseUrl });
  console.log(result.applied.length ? `applied ${result.applied.join(', ')}` : `database is up to date (${result.alreadyApplied.length} migrations)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
