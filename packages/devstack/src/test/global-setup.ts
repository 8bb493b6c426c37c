// Runs once before all Vitest suites: checks PostgreSQL answers and builds the migrated template
// database every test file clones. Services themselves are started by `conduit test`.
import type { TestProject } from 'vitest/node';
import { checkDatabase, prepareTemplateDatabase } from '@conduit/db';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const databaseUrl = process.env.CONDUIT_TEST_DATABASE_URL ?? 'postgresql://conduit:conduit@127.0.0.1:5432/postgres';
  const temporalAddress = process.env.CONDUIT_TEST_TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  await checkDatabase(databaseUrl);
  await prepareTemplateDatabase(databaseUrl);
  project.provide('databaseUrl', databaseUrl);
  project.provide('temporalAddress', temporalAddress);
}
